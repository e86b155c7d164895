import "server-only";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecret } from "@/lib/crypto/local-secret";

const MIN_SECRET_LENGTH = 32;

let cached: Promise<string> | undefined;

/**
 * AUTH_SECRET (or NEXTAUTH_SECRET) when set; lib/env.ts refuses either below 32 characters.
 * Otherwise (embedded default) a random secret generated once and kept in the data folder, so
 * sessions survive restarts without any setup. A short secret is never used: a truncated or
 * hand-edited file is refused with a message saying what to do.
 */
export function getAuthSecret(): Promise<string> {
  cached ??= (env.authSecret ? Promise.resolve(env.authSecret) : loadOrCreateLocalSecret("auth-secret")).then((secret) => {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(`The sign-in secret is shorter than ${MIN_SECRET_LENGTH} characters: set AUTH_SECRET, or delete the file auth-secret in the data folder to generate a new one`);
    }
    return secret;
  });
  return cached;
}
