import "server-only";
import { constants } from "node:fs";
import { access, mkdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { DIRECTORY_UNAVAILABLE, type FileConfig } from "./config";

/** Where a file connection's files live. Uploads: a folder of its own in the data folder. */
export async function fileDirectory(config: FileConfig, ids: { tenantId: string; connectionId: string }): Promise<string> {
  if (config.source === "upload") {
    const dir = uploadDirectory(ids);
    await mkdir(dir, { recursive: true });
    return dir;
  }
  return allowedDirectory(config.directory!);
}

export function uploadDirectory({ tenantId, connectionId }: { tenantId: string; connectionId: string }): string {
  return path.join(tenantUploadRoot(tenantId), connectionId);
}

/** The folder holding every upload folder of the tenant (what its upload quota counts). */
export function tenantUploadRoot(tenantId: string): string {
  return path.resolve(env.dataDir, "uploads", tenantId);
}

/**
 * A server directory may only be read when it is a readable folder inside one of
 * AOS_FILE_SOURCE_ROOTS and outside the data folder (uploads of every tenant, the database),
 * symlinks resolved. Every refusal is the same ValidationError: a missing path, an unreadable one
 * and one outside the roots cannot be told apart.
 */
export async function allowedDirectory(directory: string): Promise<string> {
  const real = await realpath(path.resolve(directory)).catch(() => null);
  const dataDir = await realpath(path.resolve(env.dataDir)).catch(() => path.resolve(env.dataDir));
  const roots = await Promise.all(env.fileSourceRoots.map((root) => realpath(path.resolve(root)).catch(() => null)));
  const inside = (dir: string, root: string) => dir === root || dir.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  const allowed = real !== null && !inside(real, dataDir) && roots.some((root) => root !== null && inside(real, root));
  if (allowed && (await isReadableDirectory(real))) return real;
  throw new ValidationError(DIRECTORY_UNAVAILABLE, { path: ["config", "directory"] });
}

async function isReadableDirectory(dir: string): Promise<boolean> {
  try {
    if (!(await stat(dir)).isDirectory()) return false;
    await access(dir, constants.R_OK | constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
