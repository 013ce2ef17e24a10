-- How many personas a workspace has in each status, kept by triggers (issue 15), as on
-- SQLite since 20261202150000_persona_status_counts: the persona list's first page says
-- how many match, and counting them on PostgreSQL read every row of the workspace (a
-- sequential or bitmap heap scan of the wide persona rows: 1-4 ms of the database's CPU
-- on every first page at 10,000 personas, bench/personas-scale, EXPLAIN ANALYZE).
--
-- Inserts and deletes are counted per statement from their transition tables (a
-- createMany of 500 rows or a workspace's cascaded delete is one upsert), status changes
-- per row. Every upsert takes its count rows in key order, so two transactions moving
-- personas between the same two statuses cannot deadlock on them. Rows that reach 0 go.
--
-- The function bodies are E'' strings whose statement separators are written \x3B:
-- prisma migrate deploy splits a migration at every semicolon, dollar-quoted bodies
-- included (tests/unit/db/postgres-migrations.test.ts).
CREATE TABLE "PersonaStatusCount" (
    "workspaceId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "PersonaStatusCount_pkey" PRIMARY KEY ("workspaceId", "status")
);

INSERT INTO "PersonaStatusCount" ("workspaceId", "status", "n")
SELECT "workspaceId", "status", count(*) FROM "Persona" GROUP BY "workspaceId", "status";

CREATE FUNCTION "persona_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "PersonaStatusCount" AS c ("workspaceId", "status", "n")
    SELECT "workspaceId", "status", count(*) FROM new_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n"\x3B
  RETURN NULL\x3B
END';

CREATE FUNCTION "persona_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "PersonaStatusCount" AS c ("workspaceId", "status", "n")
    SELECT "workspaceId", "status", -count(*) FROM old_rows GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n"\x3B
  DELETE FROM "PersonaStatusCount" c USING (SELECT DISTINCT "workspaceId", "status" FROM old_rows) o
    WHERE c."workspaceId" = o."workspaceId" AND c."status" = o."status" AND c."n" <= 0\x3B
  RETURN NULL\x3B
END';

CREATE FUNCTION "persona_count_moved"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "PersonaStatusCount" AS c ("workspaceId", "status", "n")
    SELECT w, s, d FROM (VALUES (OLD."workspaceId", OLD."status", -1), (NEW."workspaceId", NEW."status", 1)) v (w, s, d) ORDER BY 1, 2
    ON CONFLICT ("workspaceId", "status") DO UPDATE SET "n" = c."n" + EXCLUDED."n"\x3B
  DELETE FROM "PersonaStatusCount" WHERE "workspaceId" = OLD."workspaceId" AND "status" = OLD."status" AND "n" <= 0\x3B
  RETURN NULL\x3B
END';

CREATE TRIGGER "Persona_count_insert" AFTER INSERT ON "Persona"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "persona_count_inserted"();

CREATE TRIGGER "Persona_count_delete" AFTER DELETE ON "Persona"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "persona_count_deleted"();

-- Column-listed, with a WHEN: an autosave (spec, revision, dates) never runs it.
CREATE TRIGGER "Persona_count_update" AFTER UPDATE OF "status", "workspaceId" ON "Persona"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION "persona_count_moved"();
