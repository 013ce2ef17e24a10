import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/generated/prisma/client";
import { afterKey, compareBy, decodeCursor, orderByOf, pageOf, type KeyField } from "@/lib/db/keyset";
import { personaTraitCounts, searchPersonas } from "@/lib/db/persona-search";
import { personaStatusSchema } from "@/lib/schemas/persona";
import { type listPersonasQuery, type PersonaPage } from "@/lib/schemas/persona-api";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";
import { SUMMARY_COLUMNS, toListSummary } from "@/lib/services/personas/serialize";

type Query = z.output<typeof listPersonasQuery>;

const ID_CHUNK = 500;

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

/**
 * One page of the workspace's personas: summary columns only (no spec or imported
 * card), the trait count taken inside the database. The first page also says how
 * many match.
 */
export async function listPersonas(ctx: WorkspaceContext, query: Query): Promise<PersonaPage> {
  const keys = KEYS[query.sort];
  // Statuses as a list, never `not archived`: an IN keeps the (workspaceId, status, updatedAt) index usable.
  const statuses = query.status === "active" ? ACTIVE : query.status === "all" ? personaStatusSchema.options : [query.status];
  const filter: Prisma.PersonaWhereInput = { workspaceId: ctx.workspaceId, status: statuses.length === 1 ? statuses[0] : { in: [...statuses] } };
  const key = query.cursor ? decodeCursor(query.sort, keys, query.cursor) : null;
  const q = query.q?.trim();
  // A search narrows to the ids the index found, in chunks: a bound parameter per id,
  // and SQLite allows only so many. Each chunk yields its own first rows; the page is
  // the first of their union in the same order.
  // The matches come with their status: filtered and counted here, not by another query.
  const ids = q ? (await searchPersonas(ctx.workspaceId, q)).filter((m) => statuses.includes(m.status as never)).map((m) => m.id) : null;
  const chunks = ids ? Array.from({ length: Math.ceil(ids.length / ID_CHUNK) }, (_, i) => ids.slice(i * ID_CHUNK, (i + 1) * ID_CHUNK)) : [null];
  const parts = await Promise.all(chunks.map(async (chunk) => {
    const where: Prisma.PersonaWhereInput = chunk ? { ...filter, id: { in: chunk } } : filter;
    return Promise.all([
      rowsAfter(where, query.sort, key, query.limit + 1),
      // Exact and cheap: the (workspaceId, status, updatedAt) index covers it (≈1 ms for
      // 10,000 rows). Not `take`-capped: Prisma's capped count reads the rows themselves.
      key || chunk ? null : db.persona.count({ where }),
    ]);
  }));
  const rows = parts.length === 1 ? parts[0][0] : parts.flatMap(([r]) => r).sort(compareBy(keys)).slice(0, query.limit + 1);
  const counted = key ? null : ids ? ids.length : parts[0][1];
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
async function rowsAfter(filter: Prisma.PersonaWhereInput, sort: Query["sort"], key: (Date | string | number)[] | null, take: number) {
  const page = (where: Prisma.PersonaWhereInput, keys: KeyField[], n: number) =>
    db.persona.findMany({ where: { AND: [filter, where] }, orderBy: orderByOf(keys), take: n, select: SUMMARY_COLUMNS });
  if (sort !== "status") return page(key ? afterKey(KEYS[sort], key) : {}, KEYS[sort], take);
  const [from, ...rest] = (key ?? []) as [string?, Date?, string?];
  const rows: Awaited<ReturnType<typeof page>> = [];
  for (const status of [...personaStatusSchema.options].sort()) {
    if (rows.length >= take || (from !== undefined && status < from)) continue;
    const after = from === status ? afterKey(KEYS.updated, rest as (Date | string)[]) : {};
    rows.push(...(await page({ status, ...after }, KEYS.updated, take - rows.length)));
  }
  return rows;
}
