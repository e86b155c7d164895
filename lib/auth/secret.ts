import "server-only";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecret } from "@/lib/crypto/local-secret";

let cached: Promise<string> | undefined;

/**
 * AUTH_SECRET (or NEXTAUTH_SECRET) when set; lib/env.ts refuses either below 32 characters.
 * Otherwise (embedded default) a random secret generated once and kept in the data folder, so
 * sessions survive restarts without any setup (a too-short file is refused by loadOrCreateLocalSecret).
 */
export function getAuthSecret(): Promise<string> {
  cached ??= env.authSecret ? Promise.resolve(env.authSecret) : loadOrCreateLocalSecret("auth-secret");
  return cached;
}
