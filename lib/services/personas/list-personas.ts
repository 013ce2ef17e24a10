import "server-only";
import type { z } from "zod";
import { afterKeySql, decodeCursor, pageOf, type KeyField } from "@/lib/db/keyset";
import { personaTraitCounts, searchSql } from "@/lib/db/persona-search";
import { asNumber, readRow, readRows, type SqlValue } from "@/lib/db/reader";
import { personaStatusSchema } from "@/lib/schemas/persona";
import { type listPersonasQuery, type PersonaPage } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { SUMMARY_SQL, summaryRowOf } from "@/lib/services/personas/find-persona";
import { toListSummary, type SummaryRow } from "@/lib/services/personas/serialize";

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
/** What a list statement reads: the FROM clause (with its values) and the filter. */
type Source = { from: string; where: Where };

/**
 * One page of the workspace's personas: summary columns only (no spec or imported
 * card), the trait count taken inside the database. The first page also says how
 * many match. Plain SQL through lib/db/reader: this is the studio's busiest list
 * (bench/personas-scale), and a search is one statement with the index's
 * condition inside it, not a fetch of every match's id.
 */
export async function listPersonas(ctx: WorkspaceContext, query: Query): Promise<PersonaPage> {
  const keys = KEYS[query.sort];
  // Statuses as a list, never `not archived`: an IN keeps the (workspaceId, status, updatedAt) index usable.
  const statuses = query.status === "active" ? ACTIVE : query.status === "all" ? personaStatusSchema.options : [query.status];
  const where: Where = { sql: [`p."workspaceId" = ?`], params: [ctx.workspaceId] };
  where.sql.push(statuses.length === 1 ? `p."status" = ?` : `p."status" IN (${statuses.map(() => "?").join(", ")})`);
  where.params.push(...statuses);
  const q = query.q?.trim();
  const source: Source = { from: `"Persona" p`, where };
  if (q) {
    const search = searchSql(ctx.workspaceId, q);
    source.from = search.from;
    where.sql.unshift(search.where);
    where.params.unshift(...search.params);
  }
  const key = query.cursor ? decodeCursor(query.sort, keys, query.cursor) : null;
  const [rows, counted] = await Promise.all([
    rowsAfter(source, query.sort, key, query.limit + 1),
    // Exact, on the first page only: an index range (or the search's matches) counted in the database.
    key ? null : readRow<{ n: unknown }>(`SELECT count(*) AS "n" FROM ${source.from} WHERE ${where.sql.join(" AND ")}`, where.params).then((r) => asNumber(r?.n ?? 0)),
  ]);
  const { page, nextCursor } = pageOf(query.sort, keys, rows, query.limit);
  const traits = await personaTraitCounts(page.map((r) => r.id));
  return {
    personas: page.map((r) => toListSummary(r, traits.get(r.id) ?? 0)),
    nextCursor,
    count: counted,
  };
}

/**
 * The first `take` rows after a cursor's key (from the start without one). Sorted
 * by status, it walks the status groups in order, each an index range on
 * (workspaceId, status, updatedAt): one ORDER BY over three fields, or an OR of
 * mixed directions, would make the database sort every row of the workspace.
 */
async function rowsAfter(source: Source, sort: Query["sort"], key: (Date | string | number)[] | null, take: number): Promise<SummaryRow[]> {
  if (sort !== "status") return page(source, key ? afterKeySql(KEYS[sort], key) : null, KEYS[sort], take);
  const [from, ...rest] = (key ?? []) as [string?, Date?, string?];
  const rows: SummaryRow[] = [];
  for (const status of [...personaStatusSchema.options].sort()) {
    if (rows.length >= take || (from !== undefined && status < from)) continue;
    const inGroup: Where = { sql: [`p."status" = ?`], params: [status] };
    if (from === status) {
      const after = afterKeySql(KEYS.updated, rest as (Date | string)[]);
      inGroup.sql.push(...after.sql);
      inGroup.params.push(...after.params);
    }
    rows.push(...(await page(source, inGroup, KEYS.updated, take - rows.length)));
  }
  return rows;
}

async function page({ from, where }: Source, extra: Where | null, keys: KeyField[], take: number): Promise<SummaryRow[]> {
  const sql = [...where.sql, ...(extra?.sql ?? [])].join(" AND ");
  const order = keys.map((k) => `p."${k.field}" ${k.dir === "asc" ? "ASC" : "DESC"}`).join(", ");
  const rows = await readRows<Record<string, unknown>>(
    `SELECT ${SUMMARY_SQL} FROM ${from} WHERE ${sql} ORDER BY ${order} LIMIT ?`,
    [...where.params, ...(extra?.params ?? []), take],
  );
  return rows.map(summaryRowOf);
}
