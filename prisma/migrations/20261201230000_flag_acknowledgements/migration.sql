-- CreateTable
CREATE TABLE "FlagAcknowledgement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "personaId" TEXT NOT NULL,
    "flagId" TEXT NOT NULL,
    "direction" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FlagAcknowledgement_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "FlagAcknowledgement_personaId_flagId_direction_key" ON "FlagAcknowledgement"("personaId", "flagId", "direction");

