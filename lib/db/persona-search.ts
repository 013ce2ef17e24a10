import "server-only";
import { dbProvider } from "@/lib/db/client";
import { asNumber, readRow } from "@/lib/db/reader";
import { execute } from "@/lib/db/writer";

// Persona search, one meaning on both databases: the trimmed query is a
// case-insensitive substring of the name, the archetype or the slug; every
// character is literal (% and _ included, no operators, no stemming). A query of
// 3+ characters reads an index built by the migration 20261202071000_persona_search:
//   SQLite      an FTS5 table with the trigram tokenizer (PersonaSearch, kept in
//               sync by triggers), queried with a quoted phrase = a substring;
//   PostgreSQL  a pg_trgm GIN index over narrow search rows of their own
//               (PersonaSearchRow, 20261203022000_persona_search_rows_postgres):
//               LIKE lower('%q%') (wildcards escaped) on a lower-cased haystack of
//               the three fields.
// Shorter queries have no trigram to look up: both scan the workspace's rows
// (SQLite a covering index, PostgreSQL the narrow rows; there are few such
// queries, and the client waits for typing to pause).
// Case folding: both fold ASCII; non-ASCII letters fold on PostgreSQL by its
// locale and on SQLite through the trigram tokenizer (3+ characters only).

/**
 * How a statement over `"Persona" p` of one workspace narrows to a search, for
 * lib/db/reader: `from` replaces `"Persona" p` in the FROM clause, `where` is ANDed
 * (SQL with `?` placeholders, `params` in order: the FROM's first). On SQLite's
 * index path and on PostgreSQL `p` is then a search row, which has only the list's
 * keys (id, workspaceId, status, name, createdAt, updatedAt; on PostgreSQL the
 * searched text too): enough to filter, sort and count, and the page's summary
 * columns are read from "Persona" by id (lib/services/personas/list-personas, searchPage).
 * `plan` is how PostgreSQL plans it (lib/db/reader, ReadOptions); SQLite prepares every
 * statement once per connection either way.
 */
export type SearchSql = { from: string; where: string; params: string[]; plan: "prepared" | "each" };

/** The search `query` (non-empty after trimming) in this database's dialect. */
export function searchSql(query: string): SearchSql {
  const q = query.trim();
  if (dbProvider === "postgresql") {
    const pattern = likePattern(q);
    // The row's haystack is lower(name ␟ archetype ␟ slug): one LIKE of the lower-cased pattern (ILIKE's folding).
    // With 3+ characters every pattern's best plan is the trigram index, so the statement is
    // prepared once per connection: planning it (the page's columns, label and avatar
    // subqueries) was 0.4 ms of PostgreSQL's CPU per search. A shorter pattern has no
    // trigram: the kept plan would still read the whole index (14 ms against a 6.5 ms scan
    // of the narrow rows at 10,000 personas), so it is planned with its value each time.
    return { from: `"PersonaSearchRow" p`, where: `p."haystack" LIKE lower(?)`, params: [pattern], plan: [...q].length >= 3 ? "prepared" : "each" };
  }
  if ([...q].length >= 3) {
    // A double-quoted FTS5 string is one phrase of trigrams: consecutive trigrams = the substring.
    // The matches drive the statement (CROSS JOIN fixes the order): read the other way round,
    // SQLite walks the workspace's rows and probes the match list for each, 10–30 ms at 10,000.
    // `p` is the match's search row, which carries the list's filter and sort keys (workspace,
    // status, name, dates, id: migration 20261202201000_persona_search_sort_keys), so
    // filtering and sorting the matches never visits "Persona".
    const phrase = `"${q.replace(/"/g, '""')}"`;
    return {
      from: `"PersonaSearch" f CROSS JOIN "PersonaSearchRow" p ON p."rowid" = f."rowid"`,
      where: `"PersonaSearch" MATCH ?`,
      params: [phrase],
      plan: "prepared",
    };
  }
  const pattern = likePattern(q);
  return {
    from: `"Persona" p`,
    where: `(p."name" LIKE ? ESCAPE '\\' OR p."archetype" LIKE ? ESCAPE '\\' OR p."slug" LIKE ? ESCAPE '\\')`,
    params: [pattern, pattern, pattern],
    plan: "each",
  };
}

/**
 * SQLite: how many segments (b-trees) SQLite's search index is made of. Each write
 * transaction that creates, renames or deletes personas adds one; FTS5's automerge
 * keeps them to a few a level, but a search reads the doclists of every segment.
 * From the index's own structure table (FTS5's `%_idx`: a row per segment and leaf).
 */
export async function searchIndexSegments(): Promise<number> {
  if (dbProvider === "postgresql") return 0;
  return asNumber((await readRow<{ n: unknown }>(`SELECT count(DISTINCT "segid") AS "n" FROM "PersonaSearch_idx"`))?.n ?? 0);
}

/** More segments than this and the worker's maintenance merges them (compactSearchIndex). */
export const SEARCH_INDEX_MAX_SEGMENTS = 4;

/**
 * SQLite: merges the search index into one segment (FTS5's 'optimize', "the fastest
 * form to query") once writes have left more than SEARCH_INDEX_MAX_SEGMENTS; whether it
 * did. At 10,000 personas a search page's statement read 10 segments in 1.29–1.41 ms, one
 * in 1.02–1.11 ms and one plus four small ones in 1.11–1.13 ms; merging took 15–18 ms (it
 * holds the write lock meanwhile, about 10× that at 100,000). Run by the probe worker's
 * maintenance (every other heartbeat), so a burst of creates costs at most one merge a
 * pass. PostgreSQL:
 * nothing to do (a GIN index's pending entries are autovacuum's).
 */
export async function compactSearchIndex(maxSegments = SEARCH_INDEX_MAX_SEGMENTS): Promise<boolean> {
  if (dbProvider === "postgresql" || (await searchIndexSegments()) <= maxSegments) return false;
  await execute(`INSERT INTO "PersonaSearch" ("PersonaSearch") VALUES ('optimize')`);
  return true;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * How many trait targets a persona's spec sets, as an SQL expression over the alias
 * `p`: a column the database keeps from the spec (migration
 * 20261202195655_persona_trait_count: triggers on SQLite, a generated column on
 * PostgreSQL), so the list neither ships spec blobs nor walks their JSON per row.
 */
export const TRAIT_COUNT_SQL = `p."traitCount"`;

/**
 * A persona's version labels as JSON text (`[{"name":…,"version":…}]`; `[]` or NULL
 * for none), a subquery over the alias `p` on the (personaId, name) index: the list
 * reads each page's labels in its own statement instead of a second one (one
 * round trip fewer per page on PostgreSQL).
 */
export const LABELS_JSON_SQL = dbProvider === "postgresql"
  ? `(SELECT json_agg(json_build_object('name', l."name", 'version', l."version"))::text FROM "VersionLabel" l WHERE l."personaId" = p."id")`
  : `(SELECT json_group_array(json_object('name', l."name", 'version', l."version")) FROM "VersionLabel" l WHERE l."personaId" = p."id")`;
