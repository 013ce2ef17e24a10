import "server-only";
import { pageOf, pageQuery, type KeyField } from "@/lib/db/keyset";
import { db } from "@/lib/db/client";
import { asDate } from "@/lib/db/reader";
import { execute } from "@/lib/db/writer";
import type { Activity, ActivityKind } from "@/lib/schemas/review";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// The persona's activity trail. Every use case that changes a persona, or
// decides, comments or shares, writes one line here. Autosaves would drown the
// trail, so draft edits by the same person within FOLD_MS fold into one entry.

const FOLD_MS = 10 * 60_000;

type Tx = Pick<typeof db, "activity">;
type Actor = Pick<WorkspaceContext, "userId" | "userName" | "workspaceId">;

const editedSummary = (fields: readonly string[]) =>
  `edited the draft${fields.length ? `: ${fields.join(", ").toLowerCase()}` : ""}`;

/** The newest entry of a persona's trail, as far as folding an edit into it needs. */
export type NewestActivity = { id: string; kind: string; actorId: string; updatedAt: unknown; data: string };

const NEWEST_COLUMNS = ["id", "kind", "actorId", "updatedAt", "data"] as const;

/**
 * The newest entry of the trail of the persona whose id is `personaIdSql`, as columns
 * "newest_id", "newest_kind" … (NULL without one): an autosave's UPDATE returns them
 * with the saved row (lib/services/personas/update-draft), so recordEdit needs no
 * read of its own. Each is a probe of the (personaId, updatedAt) index.
 */
export const newestActivitySql = (personaIdSql: string) =>
  NEWEST_COLUMNS.map(
    (c) => `(SELECT a."${c}" FROM "Activity" a WHERE a."personaId" = ${personaIdSql} ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT 1) AS "newest_${c}"`,
  ).join(", ");

/** The newest entry from a row carrying newestActivitySql's columns; null for an empty trail. */
export function newestActivityOf(row: Record<string, unknown>): NewestActivity | null {
  if (row.newest_id === null || row.newest_id === undefined) return null;
  return {
    id: row.newest_id as string, kind: row.newest_kind as string, actorId: row.newest_actorId as string,
    updatedAt: row.newest_updatedAt, data: row.newest_data as string,
  };
}

/** One line of the trail. */
export async function recordActivity(
  actor: Actor, personaId: string, kind: ActivityKind, summary: string,
  data: { version?: number | null; [key: string]: unknown } = {}, tx: Tx = db,
): Promise<void> {
  await tx.activity.create({
    data: {
      workspaceId: actor.workspaceId, personaId, actorId: actor.userId, actorName: actor.userName,
      kind, summary, data: JSON.stringify(data),
    },
  });
}

/**
 * An edit of the draft (every autosave that changed a field). It folds into `newest`,
 * the trail's newest entry as the save returned it (newestActivitySql), when that is
 * this person's edit within FOLD_MS: anything in between keeps the order honest.
 * Otherwise it is a new entry.
 */
export async function recordEdit(actor: Actor, personaId: string, fields: string[], newest: NewestActivity | null): Promise<void> {
  if (newest && newest.kind === "edited" && newest.actorId === actor.userId && asDate(newest.updatedAt).getTime() >= Date.now() - FOLD_MS) {
    // The folded entry names every field touched in the burst, not just the last one.
    const before = (JSON.parse(newest.data) as { fields?: string[] }).fields ?? [];
    const all = [...new Set([...before, ...fields])];
    // One plain update (lib/db/writer), not Prisma's.
    await execute(
      `UPDATE "Activity" SET "count" = "count" + 1, "summary" = ?, "data" = ?, "updatedAt" = ? WHERE "id" = ?`,
      [editedSummary(all), JSON.stringify({ fields: all }), new Date(), newest.id],
    );
    return;
  }
  await recordActivity(actor, personaId, "edited", editedSummary(fields), { fields });
}

// Newest first by last change (a folded burst of edits moves up), the id breaking ties.
const ACTIVITY_KEYS: KeyField[] = [{ field: "updatedAt", dir: "desc", type: "date" }, { field: "id", dir: "desc", type: "string" }];

/** One page of the trail; `nextCursor` (sent as the X-Next-Cursor header) when there is more. */
export async function listActivity(
  ctx: WorkspaceContext, personaId: string, q: { limit: number; cursor?: string },
): Promise<{ items: Activity[]; nextCursor: string | null }> {
  const persona = await findPersonaRow(ctx, personaId);
  const where = { personaId: persona.id, workspaceId: ctx.workspaceId };
  const rows = await db.activity.findMany(pageQuery("activity", ACTIVITY_KEYS, where, q));
  const { page, nextCursor } = pageOf("activity", ACTIVITY_KEYS, rows, q.limit);
  return { nextCursor, items: page.map((r) => {
    const data = JSON.parse(r.data) as { version?: number | null };
    return {
      id: r.id, kind: r.kind as ActivityKind, summary: r.summary, actor: { id: r.actorId, name: r.actorName },
      count: r.count, version: typeof data.version === "number" ? data.version : null,
      createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
    };
  }) };
}
