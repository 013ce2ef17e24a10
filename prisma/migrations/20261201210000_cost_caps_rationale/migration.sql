-- AlterTable
ALTER TABLE "ModelProvider" ADD COLUMN "inputPricePerM" REAL;
ALTER TABLE "ModelProvider" ADD COLUMN "outputPricePerM" REAL;

-- AlterTable
ALTER TABLE "ProbeAnswer" ADD COLUMN "rationale" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProbeRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "personaName" TEXT NOT NULL,
    "versionNumber" INTEGER,
    "systemPrompt" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "watched" TEXT NOT NULL,
    "targetProviderId" TEXT NOT NULL,
    "targetModel" TEXT NOT NULL,
    "judgeProviderId" TEXT NOT NULL,
    "judgeModel" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "traitLibraryVersion" TEXT NOT NULL,
    "customTraits" TEXT NOT NULL DEFAULT '[]',
    "mode" TEXT NOT NULL DEFAULT 'landing',
    "arms" TEXT NOT NULL DEFAULT '[]',
    "judges" TEXT NOT NULL DEFAULT '[]',
    "variantId" TEXT,
    "variantName" TEXT,
    "batchId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "modelCalls" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "maxCalls" INTEGER,
    "maxCostUsd" REAL,
    "capReached" BOOLEAN NOT NULL DEFAULT false,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" REAL,
    "doneTraits" TEXT NOT NULL DEFAULT '{}',
    "leaseOwner" TEXT,
    "heartbeatAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "ProbeRun_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProbeRun" ("arms", "batchId", "cacheHits", "config", "createdAt", "createdById", "createdByName", "customTraits", "doneTraits", "error", "finishedAt", "heartbeatAt", "id", "judgeModel", "judgeProviderId", "judges", "leaseOwner", "mode", "modelCalls", "personaId", "personaName", "startedAt", "status", "systemPrompt", "targetModel", "targetProviderId", "targets", "traitLibraryVersion", "variantId", "variantName", "versionNumber", "watched", "workspaceId") SELECT "arms", "batchId", "cacheHits", "config", "createdAt", "createdById", "createdByName", "customTraits", "doneTraits", "error", "finishedAt", "heartbeatAt", "id", "judgeModel", "judgeProviderId", "judges", "leaseOwner", "mode", "modelCalls", "personaId", "personaName", "startedAt", "status", "systemPrompt", "targetModel", "targetProviderId", "targets", "traitLibraryVersion", "variantId", "variantName", "versionNumber", "watched", "workspaceId" FROM "ProbeRun";
DROP TABLE "ProbeRun";
ALTER TABLE "new_ProbeRun" RENAME TO "ProbeRun";
CREATE INDEX "ProbeRun_workspaceId_personaId_createdAt_idx" ON "ProbeRun"("workspaceId", "personaId", "createdAt");
CREATE INDEX "ProbeRun_status_idx" ON "ProbeRun"("status");
CREATE INDEX "ProbeRun_batchId_idx" ON "ProbeRun"("batchId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

