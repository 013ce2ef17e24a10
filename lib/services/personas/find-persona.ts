import "server-only";
import { db } from "@/lib/db/client";
import { asDate, asNumber, asNumberOrNull, readRow } from "@/lib/db/reader";
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

/** What the editor's hot paths need of a persona: its summary columns, the draft spec, the latest version's spec. */
export type EditorRow = {
  id: string; slug: string; name: string; archetype: string; status: string; spec: string;
  revision: number; latestVersion: number; approvedVersion: number | null; updatedByName: string;
  createdAt: Date; updatedAt: Date;
  /** The latest version's spec (null before the first version): "unsaved changes" compares with it. */
  latestSpec: string | null;
};

/**
 * The persona and its latest version's spec in one plain read (lib/db/reader): the
 * editor's GET on every open and focus, and both reads of an autosave. Null when the
 * persona is not in the workspace.
 */
export async function readEditorRow(ctx: WorkspaceContext, personaId: string): Promise<EditorRow | null> {
  const row = await readRow<Record<string, unknown>>(
    `SELECT p."id", p."slug", p."name", p."archetype", p."status", p."spec", p."revision", p."latestVersion",
            p."approvedVersion", p."updatedByName", p."createdAt", p."updatedAt", v."spec" AS "latestSpec"
     FROM "Persona" p LEFT JOIN "PersonaVersion" v ON v."personaId" = p."id" AND v."number" = p."latestVersion"
     WHERE p."id" = ? AND p."workspaceId" = ?`,
    [personaId, ctx.workspaceId],
  );
  if (!row) return null;
  const latestVersion = asNumber(row.latestVersion);
  return {
    id: row.id as string, slug: row.slug as string, name: row.name as string, archetype: row.archetype as string,
    status: row.status as string, spec: row.spec as string, revision: asNumber(row.revision), latestVersion,
    approvedVersion: asNumberOrNull(row.approvedVersion), updatedByName: row.updatedByName as string,
    createdAt: asDate(row.createdAt), updatedAt: asDate(row.updatedAt),
    latestSpec: latestVersion === 0 ? null : (row.latestSpec as string | null),
  };
}
