import "server-only";
import type { PersonaDetail } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { findPersonaRow, latestVersionSpec } from "@/lib/services/personas/find-persona";
import { toDetail } from "@/lib/services/personas/serialize";

export async function getPersona(ctx: WorkspaceContext, personaId: string): Promise<PersonaDetail> {
  const row = await findPersonaRow(ctx, personaId);
  return toDetail(row, await latestVersionSpec(row.id, row.latestVersion));
}
