-- How many trait targets a persona's spec sets, kept beside the spec so the persona
-- list reads an integer instead of walking each row's JSON (json_each over the
-- spec was half of a list page's statement at 10,000 personas: bench/personas-scale).
-- A plain ADD COLUMN, not Prisma's table rebuild: a rebuild would drop the search,
-- status-count and covering-index objects other migrations put on "Persona".
ALTER TABLE "Persona" ADD COLUMN "traitCount" INTEGER NOT NULL DEFAULT 0;

UPDATE "Persona" SET "traitCount" = CASE WHEN json_valid("spec") THEN (SELECT count(*) FROM json_each("spec", '$.traitTargets')) ELSE 0 END;

-- The app never writes the column. These keep it, for Prisma's writes and the
-- autosave's raw UPDATE alike; the WHEN skips the second write while typing
-- leaves the count as it was (the common autosave).
CREATE TRIGGER "Persona_traitCount_insert" AFTER INSERT ON "Persona"
BEGIN
    UPDATE "Persona" SET "traitCount" = CASE WHEN json_valid(new."spec") THEN (SELECT count(*) FROM json_each(new."spec", '$.traitTargets')) ELSE 0 END
        WHERE "id" = new."id";
END;

CREATE TRIGGER "Persona_traitCount_update" AFTER UPDATE OF "spec", "traitCount" ON "Persona"
    WHEN new."traitCount" IS NOT (CASE WHEN json_valid(new."spec") THEN (SELECT count(*) FROM json_each(new."spec", '$.traitTargets')) ELSE 0 END)
BEGIN
    UPDATE "Persona" SET "traitCount" = CASE WHEN json_valid(new."spec") THEN (SELECT count(*) FROM json_each(new."spec", '$.traitTargets')) ELSE 0 END
        WHERE "id" = new."id";
END;
