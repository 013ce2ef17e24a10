-- The SQLite migration of the same name keeps per-status persona counts by triggers.
-- PostgreSQL counts in its own process (lib/services/personas/list-personas.ts), and
-- the two migration folders keep the same names (tests/unit/db/two-databases.test.ts).
SELECT 1;
