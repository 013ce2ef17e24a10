-- AlterTable
ALTER TABLE "ProbeRun" ADD COLUMN "panelArm" TEXT;
ALTER TABLE "ProbeRun" ADD COLUMN "panelMemberKey" TEXT;
ALTER TABLE "ProbeRun" ADD COLUMN "panelRunId" TEXT;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "panelId" TEXT;

-- CreateTable
CREATE TABLE "PanelRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "panelName" TEXT NOT NULL,
    "panelVersion" INTEGER,
    "experiment" TEXT NOT NULL DEFAULT 'divergence',
    "spec" TEXT NOT NULL,
    "watched" TEXT NOT NULL,
    "judgeProviderId" TEXT NOT NULL,
    "judgeModel" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "maxCalls" INTEGER,
    "distinguishStatus" TEXT NOT NULL DEFAULT 'waiting',
    "distinguishError" TEXT,
    "modelCalls" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "leaseOwner" TEXT,
    "heartbeatAt" DATETIME,
    "cancelledAt" DATETIME,
    "report" TEXT,
    "reportMethod" TEXT,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "PanelRun_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelGuess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "panelRunId" TEXT NOT NULL,
    "arm" TEXT NOT NULL,
    "memberA" TEXT NOT NULL,
    "memberB" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "firstShown" TEXT NOT NULL,
    "guess" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelGuess_panelRunId_fkey" FOREIGN KEY ("panelRunId") REFERENCES "PanelRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "panelVersion" INTEGER,
    "question" TEXT NOT NULL,
    "crossExamine" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelSession_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelSessionAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "memberKey" TEXT NOT NULL,
    "memberName" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "seatLabel" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL,
    "answer" TEXT,
    "error" TEXT,
    "latencyMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelSessionAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PanelSession" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT,
    "panelId" TEXT,
    "versionNumber" INTEGER,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "includeComments" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedByName" TEXT,
    "lastAccessedAt" DATETIME,
    "accessCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShareLink_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShareLink_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ShareLink" ("accessCount", "createdAt", "createdById", "createdByName", "expiresAt", "id", "includeComments", "label", "lastAccessedAt", "personaId", "revokedAt", "revokedByName", "tokenHash", "versionNumber", "workspaceId") SELECT "accessCount", "createdAt", "createdById", "createdByName", "expiresAt", "id", "includeComments", "label", "lastAccessedAt", "personaId", "revokedAt", "revokedByName", "tokenHash", "versionNumber", "workspaceId" FROM "ShareLink";
DROP TABLE "ShareLink";
ALTER TABLE "new_ShareLink" RENAME TO "ShareLink";
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_personaId_createdAt_idx" ON "ShareLink"("personaId", "createdAt");
CREATE INDEX "ShareLink_panelId_createdAt_idx" ON "ShareLink"("panelId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "PanelRun_workspaceId_panelId_createdAt_idx" ON "PanelRun"("workspaceId", "panelId", "createdAt");

-- CreateIndex
CREATE INDEX "PanelRun_distinguishStatus_idx" ON "PanelRun"("distinguishStatus");

-- CreateIndex
CREATE INDEX "PanelGuess_panelRunId_idx" ON "PanelGuess"("panelRunId");

-- CreateIndex
CREATE UNIQUE INDEX "PanelGuess_panelRunId_arm_memberA_memberB_answerId_key" ON "PanelGuess"("panelRunId", "arm", "memberA", "memberB", "answerId");

-- CreateIndex
CREATE INDEX "PanelSession_panelId_createdAt_idx" ON "PanelSession"("panelId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PanelSessionAnswer_sessionId_round_memberKey_key" ON "PanelSessionAnswer"("sessionId", "round", "memberKey");

-- CreateIndex
CREATE INDEX "ProbeRun_panelRunId_idx" ON "ProbeRun"("panelRunId");

-- CreateIndex
CREATE INDEX "Comment_panelId_createdAt_idx" ON "Comment"("panelId", "createdAt");

