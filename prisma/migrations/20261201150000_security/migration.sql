-- AlterTable
ALTER TABLE "PersonaVersion" ADD COLUMN "draftRevision" INTEGER;

-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN "membershipId" TEXT;

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_scope_key_key" ON "IdempotencyRecord"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaVersion_personaId_draftRevision_key" ON "PersonaVersion"("personaId", "draftRevision");


-- Existing tokens belong to the membership their creator holds now (none: the token stays dead).
UPDATE "ApiToken" SET "membershipId" = (SELECT "id" FROM "Membership" m WHERE m."workspaceId" = "ApiToken"."workspaceId" AND m."userId" = "ApiToken"."userId");
