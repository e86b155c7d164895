import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * An API key is `aos_<prefix>_<secret>`: the prefix (8 characters, 40 random bits) is its public
 * part, unique, shown in lists and used to find it; the secret (52 characters, 256 random bits) is
 * shown once and only its SHA-256 is stored. With that much randomness a fast hash is right: there
 * is nothing to guess. Lower-case base32, so a key is one word to select and copy.
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const PREFIX_BYTES = 5;
const SECRET_BYTES = 32;
export const PREFIX_LENGTH = 8;
const SECRET_LENGTH = 52;

const KEY = new RegExp(`^aos_([a-z2-7]{${PREFIX_LENGTH}})_([a-z2-7]{${SECRET_LENGTH}})$`);

export type NewKey = { key: string; prefix: string; hash: string };

/** A fresh key and what is stored of it. */
export function generateKey(): NewKey {
  const prefix = base32(randomBytes(PREFIX_BYTES));
  const secret = base32(randomBytes(SECRET_BYTES));
  return { key: `aos_${prefix}_${secret}`, prefix, hash: hashSecret(secret) };
}

/** Whether a bearer token is meant as an API key (rather than a JWT). */
export const looksLikeApiKey = (token: string) => token.startsWith("aos_");

/** The prefix and secret of a well-formed key; null otherwise. */
export function parseKey(token: string): { prefix: string; secret: string } | null {
  const match = KEY.exec(token);
  return match ? { prefix: match[1]!, secret: match[2]! } : null;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** Compares a secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

function base32(bytes: Buffer): string {
  let out = "";
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}
