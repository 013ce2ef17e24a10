import "server-only";
import { db, dbProvider } from "@/lib/db/client";

// Persona search, one meaning on both databases: the trimmed query is a
// case-insensitive substring of the name, the archetype or the slug; every
// character is literal (% and _ included, no operators, no stemming). A query of
// 3+ characters reads an index built by the migration 20261202071000_persona_search:
//   SQLite      an FTS5 table with the trigram tokenizer (PersonaSearch, kept in
//               sync by triggers), queried with a quoted phrase = a substring;
//   PostgreSQL  pg_trgm GIN indexes, queried with ILIKE '%q%' (wildcards escaped).
// Shorter queries have no trigram to look up: both scan the workspace's rows
// (there are few such queries, and the client waits for typing to pause).
// Case folding: both fold ASCII; non-ASCII letters fold on PostgreSQL by its
// locale and on SQLite through the trigram tokenizer (3+ characters only).

/** More matches than this are cut (the list says "N+"): a search is for narrowing down. */
export const SEARCH_MATCH_CAP = 5000;

export type SearchMatch = { id: string; status: string };

/**
 * The workspace's personas the query matches (id and status: the list filters and
 * counts by status without another query), at most `cap`, in no particular order.
 */
export async function searchPersonas(workspaceId: string, query: string, cap = SEARCH_MATCH_CAP): Promise<SearchMatch[]> {
  const q = query.trim();
  if (!q) return [];
  return dbProvider === "postgresql" ? searchPostgres(workspaceId, q, cap) : searchSqlite(workspaceId, q, cap);
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function searchPostgres(workspaceId: string, q: string, cap: number) {
  const pattern = likePattern(q);
  return db.$queryRaw<SearchMatch[]>`
    SELECT "id", "status" FROM "Persona"
    WHERE "workspaceId" = ${workspaceId}
      AND ("name" ILIKE ${pattern} OR "archetype" ILIKE ${pattern} OR "slug" ILIKE ${pattern})
    LIMIT ${cap}`;
}

function searchSqlite(workspaceId: string, q: string, cap: number) {
  if ([...q].length >= 3) {
    // A double-quoted FTS5 string is one phrase of trigrams: consecutive trigrams = the substring.
    const phrase = `"${q.replace(/"/g, '""')}"`;
    return db.$queryRaw<SearchMatch[]>`
      SELECT p."id", p."status" FROM "PersonaSearch" f JOIN "PersonaSearchRow" s ON s."rowid" = f."rowid" JOIN "Persona" p ON p."id" = s."personaId"
      WHERE "PersonaSearch" MATCH ${phrase} AND s."workspaceId" = ${workspaceId}
      LIMIT ${cap}`;
  }
  const pattern = likePattern(q);
  return db.$queryRaw<SearchMatch[]>`
    SELECT "id", "status" FROM "Persona"
    WHERE "workspaceId" = ${workspaceId}
      AND ("name" LIKE ${pattern} ESCAPE '\\' OR "archetype" LIKE ${pattern} ESCAPE '\\' OR "slug" LIKE ${pattern} ESCAPE '\\')
    LIMIT ${cap}`;
}

/**
 * How many trait targets each persona's spec sets, counted inside the database so
 * the list never ships or parses spec blobs (a denormalised column would save the
 * JSON walk too; see the issue 15 notes).
 */
export async function personaTraitCounts(ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = dbProvider === "postgresql"
    ? await db.$queryRaw<{ id: string; n: bigint | number }[]>`
        SELECT "id", (SELECT count(*) FROM json_object_keys(COALESCE(("spec"::json) -> 'traitTargets', '{}'::json))) AS "n"
        FROM "Persona" WHERE "id" = ANY(${ids})`
    : await db.$queryRawUnsafe<{ id: string; n: bigint | number }[]>(
        `SELECT "id", (SELECT count(*) FROM json_each("spec", '$.traitTargets')) AS "n" FROM "Persona" WHERE "id" IN (${ids.map(() => "?").join(",")})`,
        ...ids,
      );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
