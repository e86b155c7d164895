import { createCipheriv, createHash, randomBytes } from "node:crypto";

/** A ciphertext in the format written before key ids existed: `v1.<iv>.<tag>.<body>`, key = sha256(secret). */
export function sealV1(plaintext: string, secret: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", createHash("sha256").update(secret).digest(), iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}
