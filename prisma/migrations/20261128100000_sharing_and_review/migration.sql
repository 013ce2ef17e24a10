-- Sharing and review: share links, recorded sample answers, comments, review requests and decisions, activity trail.
ALTER TABLE "Workspace" ADD COLUMN "approvalPolicy" TEXT NOT NULL DEFAULT 'warn';
ALTER TABLE "Persona" ADD COLUMN "approvedVersion" INTEGER;

CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
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
    CONSTRAINT "ShareLink_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "SampleAnswer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personaId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "recordingId" TEXT NOT NULL,
    "messageIndex" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "answer" TEXT,
    "error" TEXT,
    "model" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL,
    "latencyMs" INTEGER,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SampleAnswer_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Comment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "parentId" TEXT,
    "anchorKind" TEXT NOT NULL,
    "anchorKey" TEXT NOT NULL DEFAULT '',
    "anchorLabel" TEXT NOT NULL DEFAULT '',
    "versionNumber" INTEGER,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '[]',
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "resolvedAt" DATETIME,
    "resolvedByName" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Comment_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewRequest_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportRunId" TEXT,
    "openFlags" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReviewDecision_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "Activity" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "count" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Activity_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_personaId_createdAt_idx" ON "ShareLink"("personaId", "createdAt");
CREATE INDEX "SampleAnswer_personaId_versionNumber_createdAt_idx" ON "SampleAnswer"("personaId", "versionNumber", "createdAt");
CREATE UNIQUE INDEX "SampleAnswer_recordingId_messageIndex_key" ON "SampleAnswer"("recordingId", "messageIndex");
CREATE INDEX "Comment_personaId_createdAt_idx" ON "Comment"("personaId", "createdAt");
CREATE INDEX "Comment_workspaceId_createdAt_idx" ON "Comment"("workspaceId", "createdAt");
CREATE INDEX "ReviewRequest_workspaceId_reviewerId_status_idx" ON "ReviewRequest"("workspaceId", "reviewerId", "status");
CREATE INDEX "ReviewRequest_workspaceId_requestedById_status_idx" ON "ReviewRequest"("workspaceId", "requestedById", "status");
CREATE INDEX "ReviewRequest_personaId_versionNumber_idx" ON "ReviewRequest"("personaId", "versionNumber");
CREATE INDEX "ReviewDecision_personaId_versionNumber_createdAt_idx" ON "ReviewDecision"("personaId", "versionNumber", "createdAt");
CREATE INDEX "Activity_personaId_createdAt_idx" ON "Activity"("personaId", "createdAt");
