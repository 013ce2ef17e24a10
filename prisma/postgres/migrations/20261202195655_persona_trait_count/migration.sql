-- How many trait targets a persona's spec sets, kept beside the spec so the persona
-- list reads an integer instead of parsing each row's JSON. A stored generated
-- column: PostgreSQL computes it on every write of "spec" and the app never writes
-- it. The function is one SELECT (no statement separator: prisma migrate deploy
-- splits this file at each one, see tests/unit/db/postgres-migrations.test.ts).
CREATE FUNCTION persona_trait_count(spec text) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN json_typeof(spec::json -> 'traitTargets') = 'object'
        THEN (SELECT count(*)::integer FROM json_object_keys(spec::json -> 'traitTargets'))
        ELSE 0 END
$$;

ALTER TABLE "Persona" ADD COLUMN "traitCount" INTEGER NOT NULL GENERATED ALWAYS AS (persona_trait_count("spec")) STORED;
