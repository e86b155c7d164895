import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecret } from "@/lib/crypto/local-secret";

/**
 * Encryption at rest for credentials: AES-256-GCM with a random IV. `context` (for example the
 * tenant and connection ids) is bound as associated data, so a ciphertext copied onto another row
 * does not decrypt. Format: `v1.<iv>.<tag>.<ciphertext>`, base64url parts.
 */
const VERSION = "v1";

let key: Promise<Buffer> | undefined;

function getKey(): Promise<Buffer> {
  key ??= (env.encryptionKey ? Promise.resolve(env.encryptionKey) : loadOrCreateLocalSecret("encryption-key")).then((secret) =>
    createHash("sha256").update(secret).digest(),
  );
  return key;
}

export async function seal(plaintext: string, context: string): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", await getKey(), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

/** Throws SecretBoxError when the key changed or the data was tampered with. */
export async function open(sealed: string, context: string): Promise<string> {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new SecretBoxError("Unknown ciphertext format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", await getKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("Stored credentials cannot be decrypted (was AOS_ENCRYPTION_KEY changed?)");
  }
}
