import "server-only";
import { pageOf, pageQuery, type KeyField } from "@/lib/db/keyset";
import { db } from "@/lib/db/client";
import { asDate, readRow } from "@/lib/db/reader";
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

export const editedSummary = (fields: readonly string[]) =>
  `edited the draft${fields.length ? `: ${fields.join(", ").toLowerCase()}` : ""}`;

/** The newest entry of a persona's trail, as far as folding an edit into it needs. */
export type NewestActivity = { id: string; kind: string; actorId: string; updatedAt: unknown; data: string };

const NEWEST_COLUMNS = ["id", "kind", "actorId", "updatedAt", "data"] as const;

/**
 * The newest entry of the trail of the persona whose id is `personaIdSql`, as columns
 * "newest_id", "newest_kind" … (NULL without one): an autosave's UPDATE returns them
 * with the saved row (lib/services/personas/update-draft), so the fold below needs
 * no read of its own. Each is a probe of the (personaId, updatedAt) index.
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

/**
 * One line of the trail. An edit folds into the newest entry when that is the same
 * person's edit within FOLD_MS; `newest`, when the caller has just read it
 * (newestActivitySql), saves the read.
 */
export async function recordActivity(
  actor: Actor, personaId: string, kind: ActivityKind, summary: string,
  data: { version?: number | null; [key: string]: unknown } = {}, tx: Tx = db, known?: { newest: NewestActivity | null },
): Promise<void> {
  if (kind === "edited") {
    // Fold only into the newest entry of the trail, when it is this person's edit within
    // FOLD_MS: anything in between keeps the order honest.
    const newest = known ? known.newest : tx === db
      // Outside a transaction (every autosave): one plain read (lib/db/reader), one plain update (lib/db/writer).
      ? await readRow<NewestActivity>(
          `SELECT "id", "kind", "actorId", "updatedAt", "data" FROM "Activity" WHERE "personaId" = ? ORDER BY "updatedAt" DESC, "id" DESC LIMIT 1`,
          [personaId],
        )
      : await tx.activity.findFirst({ where: { personaId }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }] });
    if (newest && newest.kind === "edited" && newest.actorId === actor.userId && asDate(newest.updatedAt).getTime() >= Date.now() - FOLD_MS) {
      // The folded entry names every field touched in the burst, not just the last one.
      const before = (JSON.parse(newest.data) as { fields?: string[] }).fields ?? [];
      const fields = [...new Set([...before, ...((data.fields as string[] | undefined) ?? [])])];
      const summary = editedSummary(fields);
      const json = JSON.stringify({ ...data, fields });
      if (tx === db) {
        await execute(`UPDATE "Activity" SET "count" = "count" + 1, "summary" = ?, "data" = ?, "updatedAt" = ? WHERE "id" = ?`, [summary, json, new Date(), newest.id]);
      } else {
        await tx.activity.update({ where: { id: newest.id }, data: { count: { increment: 1 }, summary, data: json } });
      }
      return;
    }
  }
  await tx.activity.create({
    data: {
      workspaceId: actor.workspaceId, personaId, actorId: actor.userId, actorName: actor.userName,
      kind, summary, data: JSON.stringify(data),
    },
  });
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
