-- Workspace defaults for the live preview and probes.
ALTER TABLE "Workspace" ADD COLUMN "defaultProviderId" TEXT;
ALTER TABLE "Workspace" ADD COLUMN "defaultModel" TEXT;

-- CreateTable
CREATE TABLE "ModelProvider" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "defaultModel" TEXT NOT NULL,
    "apiKeyEnc" TEXT,
    "apiKeyMask" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ModelProvider_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ModelProvider_workspaceId_idx" ON "ModelProvider"("workspaceId");
