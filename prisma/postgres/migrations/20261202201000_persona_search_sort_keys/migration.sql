-- The SQLite migration of the same name puts the list's sort keys on its search rows.
-- PostgreSQL searches "Persona" through its trigram indexes and needs nothing here
-- (the two migration folders keep the same names: tests/unit/db/two-databases.test.ts).
SELECT 1;
