-- CreateTable
CREATE TABLE "PanelReviewRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelReviewRequest_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PanelReviewDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportRunId" TEXT,
    "openFlags" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PanelReviewDecision_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "PanelReviewRequest_workspaceId_reviewerId_status_idx" ON "PanelReviewRequest"("workspaceId", "reviewerId", "status");

-- CreateIndex
CREATE INDEX "PanelReviewRequest_panelId_versionNumber_idx" ON "PanelReviewRequest"("panelId", "versionNumber");

-- CreateIndex
CREATE INDEX "PanelReviewDecision_panelId_versionNumber_createdAt_idx" ON "PanelReviewDecision"("panelId", "versionNumber", "createdAt");

