-- The PostgreSQL migration of the same name keeps per-status persona counts there too.
-- SQLite has kept them since 20261202150000_persona_status_counts, and the two migration
-- folders keep the same names (tests/unit/db/two-databases.test.ts).
SELECT 1;
