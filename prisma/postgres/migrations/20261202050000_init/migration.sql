-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Workspace" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "personalForId" TEXT,
    "defaultProviderId" TEXT,
    "defaultModel" TEXT,
    "approvalPolicy" TEXT NOT NULL DEFAULT 'warn',
    "referenceJudgeProviderId" TEXT,
    "referenceJudgeModel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelProvider" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "preset" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "defaultModel" TEXT NOT NULL,
    "apiKeyEnc" TEXT,
    "apiKeyMask" TEXT,
    "inputPricePerM" DOUBLE PRECISION,
    "outputPricePerM" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ModelProvider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Persona" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "archetype" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "spec" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "approvedVersion" INTEGER,
    "imported" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Persona_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaVersion" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "compiledPrompt" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "draftRevision" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonaVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeRun" (
    "id" TEXT NOT NULL,
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
    "panelRunId" TEXT,
    "panelArm" TEXT,
    "panelMemberKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "modelCalls" INTEGER NOT NULL DEFAULT 0,
    "cacheHits" INTEGER NOT NULL DEFAULT 0,
    "maxCalls" INTEGER,
    "maxCostUsd" DOUBLE PRECISION,
    "capReached" BOOLEAN NOT NULL DEFAULT false,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "costUsd" DOUBLE PRECISION,
    "doneTraits" TEXT NOT NULL DEFAULT '{}',
    "leaseOwner" TEXT,
    "heartbeatAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ProbeRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeAnswer" (
    "id" TEXT NOT NULL,
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
    "outcome" TEXT,
    "finishReason" TEXT,
    "servedModel" TEXT,
    "promptTokens" INTEGER,
    "judgeOrder" TEXT,
    "rationale" TEXT,
    "turn" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProbeAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeReport" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "methodVersion" TEXT NOT NULL,
    "report" TEXT NOT NULL,
    "final" BOOLEAN NOT NULL,
    "answerCount" INTEGER NOT NULL,
    "verdictLine" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProbeReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProbeJudgment" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "judgeProviderId" TEXT NOT NULL,
    "judgeModel" TEXT NOT NULL,
    "scores" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProbeJudgment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallCache" (
    "key" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "promptTokens" INTEGER NOT NULL,
    "completionTokens" INTEGER NOT NULL,
    "meta" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallCache_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CustomTrait" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "high" TEXT NOT NULL,
    "low" TEXT NOT NULL,
    "items" TEXT NOT NULL,
    "rubric" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomTrait_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT,
    "panelId" TEXT,
    "versionNumber" INTEGER,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "includeComments" BOOLEAN NOT NULL DEFAULT false,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedByName" TEXT,
    "lastAccessedAt" TIMESTAMP(3),
    "accessCount" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleAnswer" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SampleAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "panelId" TEXT,
    "parentId" TEXT,
    "anchorKind" TEXT NOT NULL,
    "anchorKey" TEXT NOT NULL DEFAULT '',
    "anchorLabel" TEXT NOT NULL DEFAULT '',
    "versionNumber" INTEGER,
    "body" TEXT NOT NULL,
    "mentions" TEXT NOT NULL DEFAULT '[]',
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedByName" TEXT,
    "editedByAuthor" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewDecision" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportRunId" TEXT,
    "openFlags" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "data" TEXT NOT NULL DEFAULT '{}',
    "count" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersonaVariant" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdByName" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonaVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "membershipId" TEXT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimiterFlexible" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "RateLimiterFlexible_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "FlagAcknowledgement" (
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FlagAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Panel" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "spec" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "latestVersion" INTEGER NOT NULL DEFAULT 0,
    "imported" TEXT,
    "createdById" TEXT NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Panel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelVersion" (
    "id" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "message" TEXT NOT NULL,
    "spec" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "draftRevision" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelRun" (
    "id" TEXT NOT NULL,
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
    "heartbeatAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "report" TEXT,
    "reportMethod" TEXT,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "PanelRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelGuess" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelGuess_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelSession" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "panelVersion" INTEGER,
    "question" TEXT NOT NULL,
    "crossExamine" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelSessionAnswer" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelSessionAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelReviewRequest" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedByName" TEXT NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'open',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelReviewRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PanelReviewDecision" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "panelId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "reviewerId" TEXT NOT NULL,
    "reviewerName" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "reportRunId" TEXT,
    "openFlags" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PanelReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_userId_idx" ON "session"("userId");

-- CreateIndex
CREATE INDEX "account_userId_idx" ON "account"("userId");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_personalForId_key" ON "Workspace"("personalForId");

-- CreateIndex
CREATE INDEX "ModelProvider_workspaceId_idx" ON "ModelProvider"("workspaceId");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_workspaceId_userId_key" ON "Membership"("workspaceId", "userId");

-- CreateIndex
CREATE INDEX "Persona_workspaceId_updatedAt_idx" ON "Persona"("workspaceId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Persona_workspaceId_slug_key" ON "Persona"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaVersion_personaId_number_key" ON "PersonaVersion"("personaId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaVersion_personaId_draftRevision_key" ON "PersonaVersion"("personaId", "draftRevision");

-- CreateIndex
CREATE INDEX "ProbeRun_workspaceId_personaId_createdAt_idx" ON "ProbeRun"("workspaceId", "personaId", "createdAt");

-- CreateIndex
CREATE INDEX "ProbeRun_status_idx" ON "ProbeRun"("status");

-- CreateIndex
CREATE INDEX "ProbeRun_batchId_idx" ON "ProbeRun"("batchId");

-- CreateIndex
CREATE INDEX "ProbeRun_panelRunId_idx" ON "ProbeRun"("panelRunId");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeAnswer_runId_kind_traitKey_itemIndex_sampleIndex_turn_key" ON "ProbeAnswer"("runId", "kind", "traitKey", "itemIndex", "sampleIndex", "turn");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeReport_runId_methodVersion_key" ON "ProbeReport"("runId", "methodVersion");

-- CreateIndex
CREATE INDEX "ProbeJudgment_runId_idx" ON "ProbeJudgment"("runId");

-- CreateIndex
CREATE UNIQUE INDEX "ProbeJudgment_answerId_role_judgeProviderId_judgeModel_key" ON "ProbeJudgment"("answerId", "role", "judgeProviderId", "judgeModel");

-- CreateIndex
CREATE INDEX "CallCache_workspaceId_idx" ON "CallCache"("workspaceId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomTrait_workspaceId_key_version_key" ON "CustomTrait"("workspaceId", "key", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_personaId_createdAt_idx" ON "ShareLink"("personaId", "createdAt");

-- CreateIndex
CREATE INDEX "ShareLink_panelId_createdAt_idx" ON "ShareLink"("panelId", "createdAt");

-- CreateIndex
CREATE INDEX "SampleAnswer_personaId_versionNumber_createdAt_idx" ON "SampleAnswer"("personaId", "versionNumber", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SampleAnswer_recordingId_messageIndex_key" ON "SampleAnswer"("recordingId", "messageIndex");

-- CreateIndex
CREATE INDEX "Comment_personaId_createdAt_idx" ON "Comment"("personaId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_workspaceId_createdAt_idx" ON "Comment"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Comment_panelId_createdAt_idx" ON "Comment"("panelId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewRequest_workspaceId_reviewerId_status_idx" ON "ReviewRequest"("workspaceId", "reviewerId", "status");

-- CreateIndex
CREATE INDEX "ReviewRequest_workspaceId_requestedById_status_idx" ON "ReviewRequest"("workspaceId", "requestedById", "status");

-- CreateIndex
CREATE INDEX "ReviewRequest_personaId_versionNumber_idx" ON "ReviewRequest"("personaId", "versionNumber");

-- CreateIndex
CREATE INDEX "ReviewDecision_personaId_versionNumber_createdAt_idx" ON "ReviewDecision"("personaId", "versionNumber", "createdAt");

-- CreateIndex
CREATE INDEX "Activity_personaId_createdAt_idx" ON "Activity"("personaId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PersonaVariant_personaId_name_key" ON "PersonaVariant"("personaId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_workspaceId_idx" ON "ApiToken"("workspaceId");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_createdAt_idx" ON "IdempotencyRecord"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_scope_key_key" ON "IdempotencyRecord"("scope", "key");

-- CreateIndex
CREATE UNIQUE INDEX "FlagAcknowledgement_personaId_flagId_direction_key" ON "FlagAcknowledgement"("personaId", "flagId", "direction");

-- CreateIndex
CREATE INDEX "Panel_workspaceId_updatedAt_idx" ON "Panel"("workspaceId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Panel_workspaceId_slug_key" ON "Panel"("workspaceId", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "PanelVersion_panelId_number_key" ON "PanelVersion"("panelId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "PanelVersion_panelId_draftRevision_key" ON "PanelVersion"("panelId", "draftRevision");

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
CREATE INDEX "PanelReviewRequest_workspaceId_reviewerId_status_idx" ON "PanelReviewRequest"("workspaceId", "reviewerId", "status");

-- CreateIndex
CREATE INDEX "PanelReviewRequest_panelId_versionNumber_idx" ON "PanelReviewRequest"("panelId", "versionNumber");

-- CreateIndex
CREATE INDEX "PanelReviewDecision_panelId_versionNumber_createdAt_idx" ON "PanelReviewDecision"("panelId", "versionNumber", "createdAt");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelProvider" ADD CONSTRAINT "ModelProvider_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Persona" ADD CONSTRAINT "Persona_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaVersion" ADD CONSTRAINT "PersonaVersion_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeRun" ADD CONSTRAINT "ProbeRun_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeAnswer" ADD CONSTRAINT "ProbeAnswer_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeReport" ADD CONSTRAINT "ProbeReport_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProbeJudgment" ADD CONSTRAINT "ProbeJudgment_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomTrait" ADD CONSTRAINT "CustomTrait_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleAnswer" ADD CONSTRAINT "SampleAnswer_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRequest" ADD CONSTRAINT "ReviewRequest_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewDecision" ADD CONSTRAINT "ReviewDecision_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaVariant" ADD CONSTRAINT "PersonaVariant_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlagAcknowledgement" ADD CONSTRAINT "FlagAcknowledgement_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Panel" ADD CONSTRAINT "Panel_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelVersion" ADD CONSTRAINT "PanelVersion_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelRun" ADD CONSTRAINT "PanelRun_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelGuess" ADD CONSTRAINT "PanelGuess_panelRunId_fkey" FOREIGN KEY ("panelRunId") REFERENCES "PanelRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelSession" ADD CONSTRAINT "PanelSession_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelSessionAnswer" ADD CONSTRAINT "PanelSessionAnswer_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "PanelSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelReviewRequest" ADD CONSTRAINT "PanelReviewRequest_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PanelReviewDecision" ADD CONSTRAINT "PanelReviewDecision_panelId_fkey" FOREIGN KEY ("panelId") REFERENCES "Panel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

