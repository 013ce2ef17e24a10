import { AppError } from "@/lib/errors/app-error";

// Keyset ("cursor") paging for lists that grow. A page is the first `limit` rows
// after the last row of the previous page in a total order: the list's sort
// fields with the row id last, so ties never skip or repeat a row. The cursor is
// opaque to clients: base64url JSON of the sort's name and that last row's key.
// Unlike OFFSET, the cost of a page does not grow with its depth, and rows added
// or removed meanwhile shift nothing.

export type KeyField = { field: string; dir: "asc" | "desc"; type: "date" | "string" | "number" };
export type KeyValue = Date | string | number;

export function orderByOf(fields: KeyField[]): Record<string, "asc" | "desc">[] {
  return fields.map((f) => ({ [f.field]: f.dir }));
}

export function encodeCursor(sort: string, fields: KeyField[], row: Record<string, unknown>): string {
  const key = fields.map((f) => {
    const v = row[f.field];
    return v instanceof Date ? v.toISOString() : v;
  });
  return Buffer.from(JSON.stringify({ s: sort, k: key })).toString("base64url");
}

/** The key in a cursor; a cursor that is malformed or belongs to another sort is a 422 naming `cursor`. */
export function decodeCursor(sort: string, fields: KeyField[], cursor: string): KeyValue[] {
  const bad = () => new AppError("validation", "cursor: not a cursor of this list (pass nextCursor back unchanged, with the same filters and sort)", { field: "cursor" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  if (s !== sort || !Array.isArray(k) || k.length !== fields.length) throw bad();
  return fields.map((f, i) => {
    const v = k[i];
    if (f.type === "number") {
      if (typeof v !== "number" || !Number.isFinite(v)) throw bad();
      return v;
    }
    if (typeof v !== "string") throw bad();
    if (f.type === "string") return v;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) throw bad();
    return d;
  });
}

/**
 * Prisma `where` for "after this key": (a > x) OR (a = x AND b > y) OR …, each >
 * read by the field's direction. The redundant a ≥ x in front is what lets
 * SQLite and PostgreSQL turn the OR into an index range instead of a scan.
 */
export function afterKey(fields: KeyField[], key: KeyValue[]): Record<string, unknown> {
  const [first] = fields;
  return {
    [first.field]: { [first.dir === "asc" ? "gte" : "lte"]: key[0] },
    OR: fields.map((f, i) => ({
      AND: [
        ...fields.slice(0, i).map((g, j) => ({ [g.field]: key[j] })),
        { [f.field]: { [f.dir === "asc" ? "gt" : "lt"]: key[i] } },
      ],
    })),
  };
}

/**
 * The same condition in SQL over the alias `p` (lib/db/reader): pieces to AND, and
 * their values in order.
 */
export function afterKeySql(fields: KeyField[], key: KeyValue[]): { sql: string[]; params: KeyValue[] } {
  const [first] = fields;
  const cmp = (f: KeyField, strict: boolean) => (f.dir === "asc" ? (strict ? ">" : ">=") : strict ? "<" : "<=");
  const ors = fields.map((f, i) => [
    ...fields.slice(0, i).map((g) => `p."${g.field}" = ?`),
    `p."${f.field}" ${cmp(f, true)} ?`,
  ].join(" AND "));
  return {
    sql: [`p."${first.field}" ${cmp(first, false)} ?`, `(${ors.map((o) => `(${o})`).join(" OR ")})`],
    params: [key[0], ...fields.flatMap((_, i) => key.slice(0, i + 1))],
  };
}

/** The order itself in SQL over `alias` (lib/db/reader): `p."updatedAt" DESC, p."id" DESC`. */
export function orderBySql(fields: KeyField[], alias = "p"): string {
  return fields.map((f) => `${alias}."${f.field}" ${f.dir === "asc" ? "ASC" : "DESC"}`).join(", ");
}

/**
 * Prisma arguments for one page of a list: its filter, "after the cursor's key" when a
 * cursor was given (a bad one is a 422 naming `cursor`), its order and `limit + 1` rows
 * (the extra row only says that there is more: pageOf).
 */
export function pageQuery<W extends object>(sort: string, fields: KeyField[], where: W, q: { limit: number; cursor?: string }) {
  return {
    where: q.cursor ? { AND: [where, afterKey(fields, decodeCursor(sort, fields, q.cursor))] } : where,
    orderBy: orderByOf(fields),
    take: q.limit + 1,
  };
}

/** One page from rows fetched with `take: limit + 1`: the extra row only says that there is more. */
export function pageOf<R extends Record<string, unknown>>(sort: string, fields: KeyField[], rows: R[], limit: number) {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { page, nextCursor: more ? encodeCursor(sort, fields, page[page.length - 1]) : null };
}
