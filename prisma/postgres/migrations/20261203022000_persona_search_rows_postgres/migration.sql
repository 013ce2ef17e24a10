-- Persona search on narrow rows of its own (issue 15), as SQLite has done since
-- 20261202201000_persona_search_sort_keys. The trigram indexes sat on "Persona",
-- whose rows are wide (the spec, an imported card): a search rechecked and filtered
-- every match in those rows, and counting the matches of a common word (1,159 of
-- 10,000) read 800 heap pages, 3.5 ms of the database's CPU on every first page
-- (bench/personas-scale, EXPLAIN ANALYZE). And since every autosave moves updatedAt,
-- which the list's indexes hold, each one also wrote three trigram index entries.
--
-- "PersonaSearchRow" holds what a search filters, sorts and counts by: workspace,
-- status, name, dates, id, and the searched text as one lower-cased haystack (name,
-- archetype and slug joined by a unit separator, a character no one types). One
-- trigram index over it replaces three: a match is rechecked with one LIKE, not three
-- ILIKEs (the rechecks were most of a common word's 2.5 ms). No other index holds
-- its status or dates, and fillfactor leaves room on each page,
-- so an autosave's update of a row's updatedAt stays a heap-only (HOT) update that
-- writes no index entry. Rows follow "Persona" by triggers and go with it (the
-- foreign key cascades).
--
-- Function bodies are E'' strings with \x3B between statements: prisma migrate
-- deploy splits a migration at every semicolon (tests/unit/db/postgres-migrations.test.ts).
CREATE TABLE "PersonaSearchRow" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "archetype" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "haystack" TEXT GENERATED ALWAYS AS (lower("name" || E'\x1f' || "archetype" || E'\x1f' || "slug")) STORED,
    CONSTRAINT "PersonaSearchRow_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "PersonaSearchRow_id_fkey" FOREIGN KEY ("id") REFERENCES "Persona"("id") ON DELETE CASCADE
) WITH (fillfactor = 70);

INSERT INTO "PersonaSearchRow" ("id", "workspaceId", "status", "name", "archetype", "slug", "createdAt", "updatedAt")
SELECT "id", "workspaceId", "status", "name", "archetype", "slug", "createdAt", "updatedAt" FROM "Persona";

CREATE INDEX "PersonaSearchRow_haystack_trgm_idx" ON "PersonaSearchRow" USING gin ("haystack" gin_trgm_ops);

DROP INDEX "Persona_name_trgm_idx";
DROP INDEX "Persona_archetype_trgm_idx";
DROP INDEX "Persona_slug_trgm_idx";

CREATE FUNCTION "persona_search_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "PersonaSearchRow" ("id", "workspaceId", "status", "name", "archetype", "slug", "createdAt", "updatedAt")
    SELECT "id", "workspaceId", "status", "name", "archetype", "slug", "createdAt", "updatedAt" FROM new_rows\x3B
  RETURN NULL\x3B
END';

CREATE FUNCTION "persona_search_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "PersonaSearchRow" SET "workspaceId" = NEW."workspaceId", "status" = NEW."status", "name" = NEW."name",
      "archetype" = NEW."archetype", "slug" = NEW."slug", "createdAt" = NEW."createdAt", "updatedAt" = NEW."updatedAt"
    WHERE "id" = NEW."id"\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Persona_search_insert" AFTER INSERT ON "Persona"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "persona_search_inserted"();

CREATE TRIGGER "Persona_search_update" AFTER UPDATE OF "workspaceId", "status", "name", "archetype", "slug", "createdAt", "updatedAt" ON "Persona"
  FOR EACH ROW EXECUTE FUNCTION "persona_search_updated"();
