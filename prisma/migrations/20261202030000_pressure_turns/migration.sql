-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProbeAnswer" (
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
    "outcome" TEXT,
    "finishReason" TEXT,
    "servedModel" TEXT,
    "promptTokens" INTEGER,
    "judgeOrder" TEXT,
    "rationale" TEXT,
    "turn" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProbeAnswer_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ProbeRun" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ProbeAnswer" ("answer", "createdAt", "error", "finishReason", "id", "itemIndex", "judgeOrder", "kind", "latencyMs", "message", "outcome", "promptTokens", "rationale", "refusal", "runId", "sampleIndex", "scores", "servedModel", "status", "tokens", "traitKey") SELECT "answer", "createdAt", "error", "finishReason", "id", "itemIndex", "judgeOrder", "kind", "latencyMs", "message", "outcome", "promptTokens", "rationale", "refusal", "runId", "sampleIndex", "scores", "servedModel", "status", "tokens", "traitKey" FROM "ProbeAnswer";
DROP TABLE "ProbeAnswer";
ALTER TABLE "new_ProbeAnswer" RENAME TO "ProbeAnswer";
CREATE UNIQUE INDEX "ProbeAnswer_runId_kind_traitKey_itemIndex_sampleIndex_turn_key" ON "ProbeAnswer"("runId", "kind", "traitKey", "itemIndex", "sampleIndex", "turn");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

