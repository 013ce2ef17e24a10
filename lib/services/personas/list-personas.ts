import "server-only";
import type { z } from "zod";
import { afterKeySql, decodeCursor, orderBySql, pageOf, type KeyField, type KeyValue } from "@/lib/db/keyset";
import { LABELS_JSON_SQL, searchSql, TRAIT_COUNT_SQL } from "@/lib/db/persona-search";
import { readRowsOffThread } from "@/lib/db/read-thread";
import { asIso, asNumber, asNumberOrNull, type SqlValue } from "@/lib/db/reader";
import { sortLabels, type LabelRef } from "@/lib/schemas/labels";
import { personaStatusSchema, type PersonaStatus } from "@/lib/schemas/persona";
import { type listPersonasQuery, type PersonaPage, type PersonaSummary } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { SUMMARY_SQL } from "@/lib/services/personas/find-persona";

type Query = z.output<typeof listPersonasQuery>;

const ACTIVE = personaStatusSchema.options.filter((s) => s !== "archived");

// Each sort ends with the id, so rows that tie on the sort key keep one order
// across pages. The indexes (workspaceId, updatedAt), (workspaceId, createdAt),
// (workspaceId, name) and (workspaceId, status, updatedAt) serve these orders.
const KEYS: Record<Query["sort"], KeyField[]> = {
  updated: [{ field: "updatedAt", dir: "desc", type: "date" }, { field: "id", dir: "desc", type: "string" }],
  created: [{ field: "createdAt", dir: "desc", type: "date" }, { field: "id", dir: "desc", type: "string" }],
  name: [{ field: "name", dir: "asc", type: "string" }, { field: "id", dir: "asc", type: "string" }],
  status: [
    { field: "status", dir: "asc", type: "string" },
    { field: "updatedAt", dir: "desc", type: "date" },
    { field: "id", dir: "desc", type: "string" },
  ],
};

/** A WHERE clause being built: SQL pieces joined by AND, with their values in order. */
type Where = { sql: string[]; params: SqlValue[] };
/** One SQL expression with its values. */
type Expr = { sql: string; params: SqlValue[] };

/**
 * One page of the workspace's personas: summary columns only (no spec or imported
 * card), the trait count taken inside the database. The first page also says how
 * many match. Plain SQL through lib/db/reader: this is the studio's busiest list
 * (bench/personas-scale).
 */
export async function listPersonas(ctx: WorkspaceContext, query: Query): Promise<PersonaPage> {
  const keys = KEYS[query.sort];
  // Statuses as a list, never `not archived`: an IN keeps the (workspaceId, status, updatedAt) index usable.
  const statuses = query.status === "active" ? ACTIVE : query.status === "all" ? personaStatusSchema.options : [query.status];
  const where: Where = { sql: [`p."workspaceId" = ?`], params: [ctx.workspaceId] };
  where.sql.push(statuses.length === 1 ? `p."status" = ?` : `p."status" IN (${statuses.map(() => "?").join(", ")})`);
  where.params.push(...statuses);
  const key = query.cursor ? decodeCursor(query.sort, keys, query.cursor) : null;
  const q = query.q?.trim();
  if (q) return searchPage(q, where, query.sort, key, query.limit);
  // The first page also says how many match (exact): a column of the page's own statement.
  const { rows, total } = await rowsAfter(where, query.sort, key, query.limit + 1, key ? null : totalSql(ctx.workspaceId, statuses));
  const { page, nextCursor } = pageOf(query.sort, keys, rows, query.limit);
  return { personas: page, nextCursor, count: total };
}

/**
 * How many personas of these statuses the workspace has, as a column: from the
 * per-status counts the database keeps by triggers ("PersonaStatusCount", a row per
 * workspace and status: migrations 20261202150000_persona_status_counts on SQLite
 * and 20261203021000_persona_status_counts_postgres). Counting the status range read
 * every row of it: 0.5 ms on SQLite's request thread, 1–4 ms of PostgreSQL's CPU at
 * 10,000 personas (bench/personas-scale). Not correlated: computed once per statement.
 */
function totalSql(workspaceId: string, statuses: readonly string[]): Expr {
  return {
    sql: `(SELECT coalesce(sum("n"), 0) FROM "PersonaStatusCount" WHERE "workspaceId" = ? AND "status" IN (${statuses.map(() => "?").join(", ")}))`,
    params: [workspaceId, ...statuses],
  };
}

/**
 * A search page in one statement and one pass over the matches: the inner query
 * reads only the narrow columns the filter and the order need (lib/db/persona-search:
 * the search rows, or on SQLite for a query under 3 characters the covering index
 * Persona_list_cover_idx; never the wide rows with their specs), sorts the matches and
 * counts them (a window over all of them, before the LIMIT); the outer one fetches
 * the summary columns of the page's rows alone. A search's matches
 * are sorted whatever the order (no index range to walk), so the status order is one
 * ORDER BY here. After a cursor the window counts what follows it: only the first
 * page reports the count.
 */
async function searchPage(q: string, where: Where, sort: Query["sort"], key: KeyValue[] | null, limit: number): Promise<PersonaPage> {
  const keys = KEYS[sort];
  const search = searchSql(q);
  const sql = [search.where, ...where.sql];
  const params: SqlValue[] = [...search.params, ...where.params];
  if (key) {
    const after = afterKeySql(keys, key);
    sql.push(...after.sql);
    params.push(...after.params);
  }
  const rows = await readRowsOffThread<Record<string, unknown>>(
    `WITH m AS (SELECT ${keys.map((k) => `p."${k.field}"`).join(", ")}, count(*) OVER () AS "total"
       FROM ${search.from} WHERE ${sql.join(" AND ")} ORDER BY ${orderBySql(keys)} LIMIT ?)
     SELECT ${LIST_COLUMNS}, m."total" FROM m JOIN "Persona" p ON p."id" = m."id" ORDER BY ${orderBySql(keys, "m")}`,
    [...params, limit + 1],
    { plan: search.plan },
  );
  const { page, nextCursor } = pageOf(sort, keys, rows.map(listRowOf), limit);
  return {
    personas: page,
    nextCursor,
    count: key ? null : asNumber(rows[0]?.total ?? 0),
  };
}

/**
 * The first `take` rows after a cursor's key (from the start without one). Sorted
 * by status, it walks the status groups in order, each an index range on
 * (workspaceId, status, updatedAt): one ORDER BY over three fields, or an OR of
 * mixed directions, would make the database sort every row of the workspace.
 */
async function rowsAfter(where: Where, sort: Query["sort"], key: KeyValue[] | null, take: number, total: Expr | null): Promise<Rows> {
  if (sort !== "status") return page(where, key ? afterKeySql(KEYS[sort], key) : null, KEYS[sort], take, total);
  const [from, ...rest] = (key ?? []) as [string?, Date?, string?];
  const all: Rows = { rows: [], total: total ? 0 : null };
  for (const status of [...personaStatusSchema.options].sort()) {
    if (all.rows.length >= take || (from !== undefined && status < from)) continue;
    const inGroup: Where = { sql: [`p."status" = ?`], params: [status] };
    if (from === status) {
      const after = afterKeySql(KEYS.updated, rest as (Date | string)[]);
      inGroup.sql.push(...after.sql);
      inGroup.params.push(...after.params);
    }
    // Each group's statement carries the total until one has rows (no rows anywhere: none match).
    const group = await page(where, inGroup, KEYS.updated, take - all.rows.length, all.rows.length ? null : total);
    if (!all.rows.length) all.total = group.total;
    all.rows.push(...group.rows);
  }
  return all;
}

/** A page's rows, and asked with `total` its count (0 when the page is empty: nothing matches); else null. */
type Rows = { rows: ListRow[]; total: number | null };

async function page(where: Where, extra: Where | null, keys: KeyField[], take: number, total: Expr | null): Promise<Rows> {
  const sql = [...where.sql, ...(extra?.sql ?? [])].join(" AND ");
  const rows = await readRowsOffThread<Record<string, unknown>>(
    // The trait count, avatar and labels are read as each row is (index order, LIMIT): for the page's rows only.
    `SELECT ${LIST_COLUMNS}${total ? `, ${total.sql} AS "total"` : ""} FROM "Persona" p WHERE ${sql} ORDER BY ${orderBySql(keys)} LIMIT ?`,
    [...(total?.params ?? []), ...where.params, ...(extra?.params ?? []), take],
  );
  return { rows: rows.map(listRowOf), total: !total ? null : rows.length ? asNumber(rows[0].total) : 0 };
}

/**
 * When the row's avatar was uploaded (PersonaAvatar's key is the persona: one index
 * lookup a row). A row without one draws its initials in the browser, so a list page
 * asks the server for the pictures that exist only, each cached by that time.
 */
const AVATAR_AT_SQL = `(SELECT a."updatedAt" FROM "PersonaAvatar" a WHERE a."personaId" = p."id")`;

/** What a list row reads of "Persona" p: its summary columns, trait count, avatar time and labels. */
const LIST_COLUMNS = `${SUMMARY_SQL}, ${TRAIT_COUNT_SQL} AS "traitCount", ${AVATAR_AT_SQL} AS "avatarAt", ${LABELS_JSON_SQL} AS "labels"`;

/**
 * A list row as the API sends it, built once from a plain read of LIST_COLUMNS
 * (either database's value shapes; dates straight to ISO text): a page is 50 of these, and building each in several steps (a row, a
 * summary, a copy with the avatar, a copy with the labels) was a tenth of its CPU.
 * It carries the page's keys under their own names (updatedAt, createdAt, name,
 * status, id) for the cursor.
 */
type ListRow = PersonaSummary & { avatarAt: string | null; labels: LabelRef[] };
const listRowOf = (r: Record<string, unknown>): ListRow => ({
  id: r.id as string, slug: r.slug as string, name: r.name as string, archetype: r.archetype as string,
  status: r.status as PersonaStatus, revision: asNumber(r.revision), latestVersion: asNumber(r.latestVersion),
  approvedVersion: asNumberOrNull(r.approvedVersion), traitCount: asNumber(r.traitCount),
  updatedAt: asIso(r.updatedAt), updatedBy: r.updatedByName as string, createdAt: asIso(r.createdAt),
  avatarAt: r.avatarAt === null || r.avatarAt === undefined ? null : asIso(r.avatarAt),
  labels: r.labels === null || r.labels === undefined || r.labels === "[]" ? [] : sortLabels(JSON.parse(r.labels as string) as LabelRef[]),
});
