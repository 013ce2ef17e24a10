-- DropIndex
DROP INDEX "Comment_personaId_createdAt_idx";

-- CreateIndex
CREATE INDEX "ProbeAnswer_runId_createdAt_id_idx" ON "ProbeAnswer"("runId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_personaId_createdAt_id_idx" ON "Comment"("personaId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Comment_parentId_createdAt_idx" ON "Comment"("parentId", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_personaId_updatedAt_id_idx" ON "Activity"("personaId", "updatedAt", "id");

