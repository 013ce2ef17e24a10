-- AlterTable
ALTER TABLE "ProbeReport" ADD COLUMN "verdictLine" TEXT;

