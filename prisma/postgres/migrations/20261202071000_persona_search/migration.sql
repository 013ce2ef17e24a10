-- Persona search through an index (issue 15): trigram GIN indexes over name,
-- archetype and slug, so a case-insensitive substring search (ILIKE '%q%') of
-- 3+ characters reads the index instead of scanning every row. pg_trgm ships
-- with PostgreSQL (contrib) and is a trusted extension: the database owner may
-- create it. Raw SQL Prisma cannot express: `prisma migrate diff` between
-- datamodels (scripts/new-migration.mjs) never sees it. Existing rows are
-- indexed when the index is built.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "Persona_name_trgm_idx" ON "Persona" USING gin ("name" gin_trgm_ops);
CREATE INDEX "Persona_archetype_trgm_idx" ON "Persona" USING gin ("archetype" gin_trgm_ops);
CREATE INDEX "Persona_slug_trgm_idx" ON "Persona" USING gin ("slug" gin_trgm_ops);
