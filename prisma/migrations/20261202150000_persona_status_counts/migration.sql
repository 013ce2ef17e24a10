-- How many personas a workspace has in each status, kept by triggers (issue 15): the
-- persona list's first page says how many match, and counting the rows of a status
-- range walks the index entry by entry — 0.45–0.6 ms for 10,000 personas on every
-- first page (bench/personas-scale), against a few microseconds for these rows.
-- Triggers, so no write path can forget it: Prisma's creates and updates, the
-- driver-level autosave, cascaded deletes of a workspace. Rows that reach 0 go.
-- SQLite only (raw SQL, outside prisma/schema.prisma like the search index): on
-- PostgreSQL the count runs in the database's own process beside the page statement,
-- and a trigger function cannot be written there (migrate deploy splits at every `;`).
CREATE TABLE "PersonaStatusCount" (
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    PRIMARY KEY ("workspaceId", "status")
) WITHOUT ROWID;

INSERT INTO "PersonaStatusCount" ("workspaceId", "status", "n")
SELECT "workspaceId", "status", count(*) FROM "Persona" GROUP BY "workspaceId", "status";

CREATE TRIGGER "Persona_count_insert" AFTER INSERT ON "Persona" BEGIN
  INSERT INTO "PersonaStatusCount" ("workspaceId", "status", "n") VALUES (NEW."workspaceId", NEW."status", 1)
    ON CONFLICT ("workspaceId", "status") DO UPDATE SET "n" = "n" + 1;
END;

CREATE TRIGGER "Persona_count_delete" AFTER DELETE ON "Persona" BEGIN
  UPDATE "PersonaStatusCount" SET "n" = "n" - 1 WHERE "workspaceId" = OLD."workspaceId" AND "status" = OLD."status";
  DELETE FROM "PersonaStatusCount" WHERE "workspaceId" = OLD."workspaceId" AND "status" = OLD."status" AND "n" <= 0;
END;

CREATE TRIGGER "Persona_count_update" AFTER UPDATE OF "status", "workspaceId" ON "Persona"
WHEN OLD."status" IS NOT NEW."status" OR OLD."workspaceId" IS NOT NEW."workspaceId" BEGIN
  UPDATE "PersonaStatusCount" SET "n" = "n" - 1 WHERE "workspaceId" = OLD."workspaceId" AND "status" = OLD."status";
  DELETE FROM "PersonaStatusCount" WHERE "workspaceId" = OLD."workspaceId" AND "status" = OLD."status" AND "n" <= 0;
  INSERT INTO "PersonaStatusCount" ("workspaceId", "status", "n") VALUES (NEW."workspaceId", NEW."status", 1)
    ON CONFLICT ("workspaceId", "status") DO UPDATE SET "n" = "n" + 1;
END;
