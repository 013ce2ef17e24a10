-- A search's matches filtered and sorted without visiting "Persona" (issue 15): the
-- search rows (20261202071000_persona_search) carry the list's filter and sort keys,
-- so the one-pass search page (lib/services/personas/list-personas.ts, searchPage)
-- reads the FTS matches and these narrow rows only, and "Persona" just for the
-- page's own rows. Before, each match was a lookup in "Persona": about half the
-- statement's time for a search matching a thousand personas of 10,000.
-- "id" mirrors "personaId" so the list's key SQL (p."id") reads either table.
ALTER TABLE "PersonaSearchRow" ADD COLUMN "status" TEXT NOT NULL DEFAULT 'draft';
ALTER TABLE "PersonaSearchRow" ADD COLUMN "name" TEXT NOT NULL DEFAULT '';
ALTER TABLE "PersonaSearchRow" ADD COLUMN "createdAt" DATETIME;
ALTER TABLE "PersonaSearchRow" ADD COLUMN "updatedAt" DATETIME;
ALTER TABLE "PersonaSearchRow" ADD COLUMN "id" TEXT GENERATED ALWAYS AS ("personaId") VIRTUAL;

UPDATE "PersonaSearchRow" SET ("workspaceId", "status", "name", "createdAt", "updatedAt") =
    (SELECT p."workspaceId", p."status", p."name", p."createdAt", p."updatedAt" FROM "Persona" p WHERE p."id" = "PersonaSearchRow"."personaId");

DROP TRIGGER "Persona_search_insert";
CREATE TRIGGER "Persona_search_insert" AFTER INSERT ON "Persona" BEGIN
    INSERT INTO "PersonaSearchRow" ("personaId", "workspaceId", "status", "name", "createdAt", "updatedAt")
        VALUES (new."id", new."workspaceId", new."status", new."name", new."createdAt", new."updatedAt");
    INSERT INTO "PersonaSearch" (rowid, name, archetype, slug)
        VALUES ((SELECT "rowid" FROM "PersonaSearchRow" WHERE "personaId" = new."id"), new."name", new."archetype", new."slug");
END;

-- Every autosave moves updatedAt: one narrow row rewritten through its unique index.
CREATE TRIGGER "Persona_search_keys_update" AFTER UPDATE OF "workspaceId", "status", "name", "createdAt", "updatedAt" ON "Persona" BEGIN
    UPDATE "PersonaSearchRow" SET "workspaceId" = new."workspaceId", "status" = new."status", "name" = new."name",
        "createdAt" = new."createdAt", "updatedAt" = new."updatedAt"
        WHERE "personaId" = new."id";
END;
