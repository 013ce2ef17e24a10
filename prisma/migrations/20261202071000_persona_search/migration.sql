-- Persona search through an index (issue 15): an FTS5 table with the trigram
-- tokenizer over name, archetype and slug, so a case-insensitive substring
-- search of 3+ characters reads the index instead of scanning every row.
-- Raw SQL Prisma cannot express: `prisma migrate diff` between datamodels
-- (scripts/new-migration.mjs) never sees these objects, so it leaves them be.
--
-- Persona's id is text, and the rowid SQLite gives such a table may change on
-- VACUUM, so the FTS rows are keyed by PersonaSearchRow, whose INTEGER PRIMARY
-- KEY is stable: one row per persona (its id and workspace), same rowid in both.

CREATE TABLE "PersonaSearchRow" (
    "rowid" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "personaId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "PersonaSearchRow_personaId_key" ON "PersonaSearchRow"("personaId");

CREATE VIRTUAL TABLE "PersonaSearch" USING fts5(name, archetype, slug, tokenize = 'trigram');

-- Existing personas.
INSERT INTO "PersonaSearchRow" ("personaId", "workspaceId") SELECT "id", "workspaceId" FROM "Persona";
INSERT INTO "PersonaSearch" (rowid, name, archetype, slug)
    SELECT s."rowid", p."name", p."archetype", p."slug" FROM "Persona" p JOIN "PersonaSearchRow" s ON s."personaId" = p."id";

-- Kept in sync by triggers (they also fire for deletes cascaded from a workspace).
CREATE TRIGGER "Persona_search_insert" AFTER INSERT ON "Persona" BEGIN
    INSERT INTO "PersonaSearchRow" ("personaId", "workspaceId") VALUES (new."id", new."workspaceId");
    INSERT INTO "PersonaSearch" (rowid, name, archetype, slug)
        VALUES ((SELECT "rowid" FROM "PersonaSearchRow" WHERE "personaId" = new."id"), new."name", new."archetype", new."slug");
END;

-- Autosave rewrites name and archetype with every edit: touch the index only when they change.
CREATE TRIGGER "Persona_search_update" AFTER UPDATE OF "name", "archetype", "slug" ON "Persona"
WHEN old."name" IS NOT new."name" OR old."archetype" IS NOT new."archetype" OR old."slug" IS NOT new."slug" BEGIN
    UPDATE "PersonaSearch" SET name = new."name", archetype = new."archetype", slug = new."slug"
        WHERE rowid = (SELECT "rowid" FROM "PersonaSearchRow" WHERE "personaId" = new."id");
END;

CREATE TRIGGER "Persona_search_delete" AFTER DELETE ON "Persona" BEGIN
    DELETE FROM "PersonaSearch" WHERE rowid = (SELECT "rowid" FROM "PersonaSearchRow" WHERE "personaId" = old."id");
    DELETE FROM "PersonaSearchRow" WHERE "personaId" = old."id";
END;
