-- "personal" becomes relative to the account the workspace was created for.
-- Existing personal workspaces keep their first owner as that account.
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Workspace" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "personalForId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Workspace" ("id", "name", "personalForId", "createdAt", "updatedAt")
SELECT w."id", w."name",
       CASE WHEN w."personal" THEN (SELECT m."userId" FROM "Membership" m WHERE m."workspaceId" = w."id" AND m."role" = 'owner' ORDER BY m."createdAt" LIMIT 1) END,
       w."createdAt", w."updatedAt"
FROM "Workspace" w;
DROP TABLE "Workspace";
ALTER TABLE "new_Workspace" RENAME TO "Workspace";
CREATE UNIQUE INDEX "Workspace_personalForId_key" ON "Workspace"("personalForId");
PRAGMA foreign_keys=ON;
