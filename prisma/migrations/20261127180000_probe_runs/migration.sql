-- CreateTable
CREATE TABLE "ProbeRun" (
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

-- CreateTable
CREATE TABLE "ProbeAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "traitKey" TEXT NOT NULL,
    "itemIndex" INTEGER NOT NULL,
    "sampleIndex" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "scores" TEXT,
    "refusal" BOOLEAN,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "latencyMs" INTEGER,
    "tokens" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProbeAnswer_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CallCache" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "ProbeRun_workspaceId_personaId_createdAt_idx" ON "ProbeRun"("workspaceId", "personaId", "createdAt");

-- CreateIndex
CREATE INDEX "ProbeRun_status_idx" ON "ProbeRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeAnswer_runId_kind_traitKey_itemIndex_sampleIndex_key" ON "ProbeAnswer"("runId", "kind", "traitKey", "itemIndex", "sampleIndex");

-- CreateIndex
CREATE INDEX "CallCache_workspaceId_idx" ON "CallCache"("workspaceId");
