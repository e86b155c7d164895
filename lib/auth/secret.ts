import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";

let cached: Promise<string> | undefined;

/**
 * AUTH_SECRET when set. Otherwise (embedded default) a random secret generated once and kept in
 * the data folder, so sessions survive restarts without any setup.
 */
export function getAuthSecret(): Promise<string> {
  cached ??= env.authSecret ? Promise.resolve(env.authSecret) : loadOrCreate(path.join(env.dataDir, "auth-secret"));
  return cached;
}

async function loadOrCreate(file: string): Promise<string> {
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  await mkdir(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(async () => undefined);
  return (await readFile(file, "utf8")).trim();
}
