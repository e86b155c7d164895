import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecret } from "@/lib/crypto/local-secret";

/**
 * Encryption at rest for credentials: AES-256-GCM with a random IV. `context` (for example the
 * tenant and connection ids) is bound as associated data, so a ciphertext copied onto another row
 * does not decrypt. Format: `v2.<key id>.<iv>.<tag>.<ciphertext>`, base64url parts; the key id names
 * the key that sealed it, so previous keys (AOS_ENCRYPTION_KEYS_OLD) keep opening their ciphertexts
 * until `aos rotate-key` re-seals them under the current key. `v1.<iv>.<tag>.<ciphertext>` (no key
 * id) is still opened, with the current key first.
 */
type Key = { id: string; bytes: Buffer };

/** The key id is a hash of the secret under its own label: it names the key without revealing it. */
function deriveKey(secret: string): Key {
  return {
    id: createHash("sha256").update(`autonomos key id\0${secret}`).digest("hex").slice(0, 8),
    bytes: createHash("sha256").update(secret).digest(),
  };
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

export type SecretBox = {
  /** The current key's id: what `seal` writes. */
  readonly keyId: string;
  seal(plaintext: string, context: string): string;
  /** Throws SecretBoxError when no configured key opens it or the data was tampered with. */
  open(sealed: string, context: string): string;
  /** Whether `sealed` is already under the current key (rotation skips it). */
  isCurrent(sealed: string): boolean;
};

export function createSecretBox({ current, old = [] }: { current: string; old?: readonly string[] }): SecretBox {
  const key = deriveKey(current);
  const keys = new Map<string, Key>();
  for (const k of [key, ...old.map(deriveKey)]) if (!keys.has(k.id)) keys.set(k.id, k);

  const decrypt = (k: Key, iv: string, tag: string, body: string, context: string) => {
    const decipher = createDecipheriv("aes-256-gcm", k.bytes, Buffer.from(iv, "base64url"), { authTagLength: 16 }); // a shortened tag is refused
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  };

  return {
    keyId: key.id,
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key.bytes, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return ["v2", key.id, ...[iv, cipher.getAuthTag(), body].map((p) => p.toString("base64url"))].join(".");
    },
    open(sealed, context) {
      const parts = sealed.split(".");
      if (parts[0] === "v2" && parts.length === 5) {
        const [, id, iv, tag, body] = parts as [string, string, string, string, string];
        const k = keys.get(id);
        if (!k)
          throw new SecretBoxError(
            `Stored credentials were encrypted with key ${id}, which is not configured (add it to AOS_ENCRYPTION_KEYS_OLD)`,
          );
        try {
          return decrypt(k, iv, tag, body, context);
        } catch {
          throw new SecretBoxError(`Stored credentials do not decrypt with key ${id} (tampered with, or copied from another record)`);
        }
      }
      if (parts[0] === "v1" && parts.length === 4) {
        const [, iv, tag, body] = parts as [string, string, string, string];
        for (const k of keys.values()) {
          try {
            return decrypt(k, iv, tag, body, context);
          } catch {
            // The next configured key may be the one.
          }
        }
        throw new SecretBoxError(
          "Stored credentials cannot be decrypted with any configured key (was AOS_ENCRYPTION_KEY changed without AOS_ENCRYPTION_KEYS_OLD?)",
        );
      }
      throw new SecretBoxError("Unknown ciphertext format");
    },
    isCurrent(sealed) {
      return sealed.startsWith(`v2.${key.id}.`);
    },
  };
}

/** Whether a stored value is a ciphertext of this module (rather than a legacy plaintext). */
export function isSealed(value: string): boolean {
  return /^v[12]\./.test(value);
}

let box: Promise<SecretBox> | undefined;

/** The process's box: AOS_ENCRYPTION_KEY (or the key generated in the data folder) and AOS_ENCRYPTION_KEYS_OLD. */
export function getSecretBox(): Promise<SecretBox> {
  box ??= (env.encryptionKey ? Promise.resolve(env.encryptionKey) : loadOrCreateLocalSecret("encryption-key")).then(
    (current) => createSecretBox({ current, old: env.encryptionKeysOld }),
    (error) => {
      box = undefined;
      throw error;
    },
  );
  return box;
}

export async function seal(plaintext: string, context: string): Promise<string> {
  return (await getSecretBox()).seal(plaintext, context);
}

/** Throws SecretBoxError when no configured key opens it or the data was tampered with. */
export async function open(sealed: string, context: string): Promise<string> {
  return (await getSecretBox()).open(sealed, context);
}
