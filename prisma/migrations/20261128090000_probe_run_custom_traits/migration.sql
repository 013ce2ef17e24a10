-- A probe run freezes the custom traits it measures (definition + version).
ALTER TABLE "ProbeRun" ADD COLUMN "customTraits" TEXT NOT NULL DEFAULT '[]';
