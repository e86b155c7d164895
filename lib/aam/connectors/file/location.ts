import "server-only";
import { mkdir, realpath } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { FileConfig } from "./config";

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
  return path.resolve(env.dataDir, "uploads", tenantId, connectionId);
}

/**
 * A server directory may only be read when it lies inside one of AOS_FILE_SOURCE_ROOTS, symlinks
 * resolved, so a tenant cannot point a connection at /etc or another tenant's uploads.
 */
export async function allowedDirectory(directory: string): Promise<string> {
  const real = await realpath(path.resolve(directory)).catch(() => {
    throw new ValidationError("The directory does not exist on the server", { path: ["config", "directory"] });
  });
  for (const root of env.fileSourceRoots) {
    const realRoot = await realpath(path.resolve(root)).catch(() => undefined);
    if (realRoot && (real === realRoot || real.startsWith(realRoot + path.sep))) return real;
  }
  throw new ValidationError(`The directory is outside the folders file connections may read (AOS_FILE_SOURCE_ROOTS: ${env.fileSourceRoots.join(", ")})`);
}
