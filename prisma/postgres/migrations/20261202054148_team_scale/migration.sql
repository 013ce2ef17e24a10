-- AlterTable
ALTER TABLE "ModelProvider" ADD COLUMN     "maxConcurrentCalls" INTEGER;

-- CreateTable
CREATE TABLE "WorkerHeartbeat" (
    "workerId" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "queue" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL,
    "activeRuns" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkerHeartbeat_pkey" PRIMARY KEY ("workerId")
);

-- CreateTable
CREATE TABLE "ProviderSlotLease" (
    "providerId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "slots" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderSlotLease_pkey" PRIMARY KEY ("providerId","workerId")
);

-- CreateIndex
CREATE INDEX "WorkerHeartbeat_heartbeatAt_idx" ON "WorkerHeartbeat"("heartbeatAt");

-- CreateIndex
CREATE INDEX "ProviderSlotLease_providerId_expiresAt_idx" ON "ProviderSlotLease"("providerId", "expiresAt");

-- CreateIndex
CREATE INDEX "Persona_workspaceId_status_updatedAt_idx" ON "Persona"("workspaceId", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Persona_workspaceId_createdAt_idx" ON "Persona"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Persona_workspaceId_name_idx" ON "Persona"("workspaceId", "name");

