import "server-only";
import { notFound } from "@/lib/errors/app-error";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { readEditorRow } from "@/lib/services/personas/find-persona";
import { toDetail } from "@/lib/services/personas/serialize";

/** Ownership lives in the where clause: another workspace's persona is simply not found. */
export async function getPersona(ctx: WorkspaceContext, personaId: string): Promise<PersonaDetail> {
  const row = await readEditorRow(ctx, personaId);
  if (!row) throw notFound("Persona");
  return toDetail(row, row.latestSpec);
}
