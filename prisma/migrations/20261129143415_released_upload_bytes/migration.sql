-- AlterTable
ALTER TABLE "released_uploads" ADD COLUMN     "bytes" BIGINT NOT NULL DEFAULT 0;
