import "server-only";
import { db } from "@/lib/db/client";
import { asDate, asNumber, asNumberOrNull, readRow } from "@/lib/db/reader";
import { notFound } from "@/lib/errors/app-error";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import type { SummaryRow } from "@/lib/services/personas/serialize";

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

/** A persona's summary columns over the alias `p`, for plain reads (lib/db/reader): never the spec or the imported card. */
export const summarySql = (alias: string) =>
  ["id", "slug", "name", "archetype", "status", "revision", "latestVersion", "approvedVersion", "updatedByName", "createdAt", "updatedAt"].map((c) => `${alias}."${c}"`).join(", ");
export const SUMMARY_SQL = summarySql("p");

/** A summary row from a plain read of SUMMARY_SQL (either database's value shapes). */
export function summaryRowOf(r: Record<string, unknown>): SummaryRow {
  return {
    id: r.id as string, slug: r.slug as string, name: r.name as string, archetype: r.archetype as string, status: r.status as string,
    revision: asNumber(r.revision), latestVersion: asNumber(r.latestVersion), approvedVersion: asNumberOrNull(r.approvedVersion),
    updatedByName: r.updatedByName as string, createdAt: asDate(r.createdAt), updatedAt: asDate(r.updatedAt),
  };
}

/** What the editor's hot paths need of a persona: its summary columns, the draft spec, the latest version's spec. */
export type EditorRow = SummaryRow & {
  spec: string;
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
    `SELECT ${SUMMARY_SQL}, p."spec", v."spec" AS "latestSpec"
     FROM "Persona" p LEFT JOIN "PersonaVersion" v ON v."personaId" = p."id" AND v."number" = p."latestVersion"
     WHERE p."id" = ? AND p."workspaceId" = ?`,
    [personaId, ctx.workspaceId],
  );
  return row && editorRowOf(row);
}

/**
 * An editor row from a plain read or a write's RETURNING of SUMMARY_SQL, `p."spec"`
 * and the latest version's spec as "latestSpec" (either database's value shapes).
 */
export function editorRowOf(row: Record<string, unknown>): EditorRow {
  const summary = summaryRowOf(row);
  return { ...summary, spec: row.spec as string, latestSpec: summary.latestVersion === 0 ? null : (row.latestSpec as string | null) };
}
