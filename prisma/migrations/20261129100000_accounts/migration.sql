-- Accounts: email verification, invitations accepted by their verified addressee.

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "declined_at" TIMESTAMPTZ(3),
ADD COLUMN     "revoked_at" TIMESTAMPTZ(3),
ALTER COLUMN "token_hash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "email_verified_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "email_verifications" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_verifications_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "email_verifications_token_hash_key" ON "email_verifications"("token_hash");

-- CreateIndex
CREATE INDEX "email_verifications_user_id_idx" ON "email_verifications"("user_id");

-- CreateIndex
CREATE INDEX "invitations_email_idx" ON "invitations"("email");

-- AddForeignKey
ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one pending invitation per tenant and email: older pending duplicates are revoked first.
UPDATE "invitations" AS i SET "revoked_at" = CURRENT_TIMESTAMP
WHERE i."accepted_at" IS NULL AND EXISTS (
    SELECT 1 FROM "invitations" AS newer
    WHERE newer."tenant_id" = i."tenant_id" AND newer."email" = i."email" AND newer."accepted_at" IS NULL
      AND (newer."created_at", newer."id") > (i."created_at", i."id")
);

-- CreateIndex (partial: not expressible in schema.prisma without a preview feature)
CREATE UNIQUE INDEX "invitations_pending_tenant_id_email_key" ON "invitations"("tenant_id", "email")
WHERE "accepted_at" IS NULL AND "declined_at" IS NULL AND "revoked_at" IS NULL;
