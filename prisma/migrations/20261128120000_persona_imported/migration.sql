-- Where an imported persona came from; a character card is kept whole for a faithful re-export.
ALTER TABLE "Persona" ADD COLUMN "imported" TEXT;
