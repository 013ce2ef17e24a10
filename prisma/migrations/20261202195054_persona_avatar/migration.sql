-- CreateTable
CREATE TABLE "PersonaAvatar" (
    "personaId" TEXT NOT NULL PRIMARY KEY,
    "png" BLOB NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PersonaAvatar_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

