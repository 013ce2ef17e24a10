-- AlterTable
ALTER TABLE "CallCache" ADD COLUMN "meta" TEXT;

