import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with OWASP's recommended parameters (m=19 MiB, t=2, p=1).
 * Algorithm 2 is Argon2id (the package exports it as a const enum, unusable with isolatedModules).
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password. With no stored hash (unknown user) it still runs one full verification
 * against a dummy hash, so response time does not reveal whether the account exists.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("dummy-password-for-constant-time");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
