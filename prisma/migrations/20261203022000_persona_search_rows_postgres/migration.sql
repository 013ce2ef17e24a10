-- The PostgreSQL migration of the same name gives its search narrow rows of their own.
-- SQLite's search rows (PersonaSearchRow, with the FTS5 table) have carried the list's
-- keys since 20261202201000_persona_search_sort_keys, and the two migration folders
-- keep the same names (tests/unit/db/two-databases.test.ts).
SELECT 1;
