-- CreateTable
CREATE TABLE "PersonaAvatar" (
    "personaId" TEXT NOT NULL,
    "png" BYTEA NOT NULL,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PersonaAvatar_pkey" PRIMARY KEY ("personaId")
);

-- AddForeignKey
ALTER TABLE "PersonaAvatar" ADD CONSTRAINT "PersonaAvatar_personaId_fkey" FOREIGN KEY ("personaId") REFERENCES "Persona"("id") ON DELETE CASCADE ON UPDATE CASCADE;

