-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN "referenceJudgeModel" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "referenceJudgeProviderId" TEXT;

-- AlterTable
ALTER TABLE "ProbeAnswer" ADD COLUMN "finishReason" TEXT;
ALTER TABLE "ProbeAnswer" ADD COLUMN "judgeOrder" TEXT;
ALTER TABLE "ProbeAnswer" ADD COLUMN "outcome" TEXT;
ALTER TABLE "ProbeAnswer" ADD COLUMN "promptTokens" INTEGER;
ALTER TABLE "ProbeAnswer" ADD COLUMN "servedModel" TEXT;

-- CreateTable
CREATE TABLE "ProbeReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "methodVersion" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "final" BOOLEAN NOT NULL,
    "answerCount" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProbeReport_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProbeJudgment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "judgeProviderId" TEXT NOT NULL,
    "judgeModel" TEXT NOT NULL,
    "scores" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProbeJudgment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
INSERT INTO "new_ProbeRun" ("batchId", "cacheHits", "config", "createdAt", "createdById", "createdByName", "customTraits", "doneTraits", "error", "finishedAt", "heartbeatAt", "id", "judgeModel", "judgeProviderId", "leaseOwner", "modelCalls", "personaId", "personaName", "startedAt", "status", "systemPrompt", "targetModel", "targetProviderId", "targets", "traitLibraryVersion", "variantId", "variantName", "versionNumber", "watched", "workspaceId") SELECT "batchId", "cacheHits", "config", "createdAt", "createdById", "createdByName", "customTraits", "doneTraits", "error", "finishedAt", "heartbeatAt", "id", "judgeModel", "judgeProviderId", "leaseOwner", "modelCalls", "personaId", "personaName", "startedAt", "status", "systemPrompt", "targetModel", "targetProviderId", "targets", "traitLibraryVersion", "variantId", "variantName", "versionNumber", "watched", "workspaceId" FROM "ProbeRun";
DROP TABLE "ProbeRun";
ALTER TABLE "new_ProbeRun" RENAME TO "ProbeRun";
CREATE INDEX "ProbeRun_workspaceId_personaId_createdAt_idx" ON "ProbeRun"("workspaceId", "personaId", "createdAt");
CREATE INDEX "ProbeRun_status_idx" ON "ProbeRun"("status");
CREATE INDEX "ProbeRun_batchId_idx" ON "ProbeRun"("batchId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ProbeReport_runId_methodVersion_key" ON "ProbeReport"("runId", "methodVersion");

-- CreateIndex
CREATE INDEX "ProbeJudgment_runId_idx" ON "ProbeJudgment"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeJudgment_answerId_role_judgeProviderId_judgeModel_key" ON "ProbeJudgment"("answerId", "role", "judgeProviderId", "judgeModel");

