-- A covering index for persona search (issue 15): a search joins each match of the
-- FTS index to its persona for the workspace and status filter and the sort key.
-- Read from the table, every match costs a page of its own (a row holds the spec,
-- a few KB); from this index, the narrow columns of some forty matches share a page,
-- and the wide rows are read for the page of results only (lib/services/personas/
-- list-personas.ts, searchPage). bench/personas-scale: 1,159 matches of "nurse",
-- about 5× less time per search.
-- Raw SQL on purpose: Prisma's schema cannot say "covering"; `prisma migrate diff`
-- between datamodels (scripts/new-migration.mjs) never sees this index.
CREATE INDEX "Persona_list_cover_idx" ON "Persona"("id", "workspaceId", "status", "updatedAt", "createdAt", "name");
