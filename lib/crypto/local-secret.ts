import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * A random secret generated once and kept in the data folder (mode 0600), for the embedded default
 * where nobody configured one. Two processes racing to create it end up reading the same file.
 * A file too short to be a secret (truncated, hand-edited) is refused, never used.
 */
export async function loadOrCreateLocalSecret(name: string): Promise<string> {
  const file = path.join(env.dataDir, name);
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" }).catch(() => undefined);
  const secret = (await readFile(file, "utf8")).trim();
  if (secret.length < 32)
    throw new Error(`The file ${name} in the data folder holds fewer than 32 characters: delete it to generate a new one`);
  return secret;
}
