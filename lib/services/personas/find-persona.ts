import "server-only";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors/app-error";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

/** Ownership lives in the where clause: another workspace's persona is simply not found. */
export async function findPersonaRow(ctx: WorkspaceContext, personaId: string) {
  const row = await db.persona.findFirst({ where: { id: personaId, workspaceId: ctx.workspaceId } });
  if (!row) throw notFound("Persona");
  return row;
}

export async function latestVersionSpec(personaId: string, latest: number): Promise<string | null> {
  if (latest === 0) return null;
  const v = await db.personaVersion.findUnique({
    where: { personaId_number: { personaId, number: latest } },
    select: { spec: true },
  });
  return v?.spec ?? null;
}
