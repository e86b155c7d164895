import "server-only";
import { constants } from "node:fs";
import { access, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { TenantScope } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import { getStore } from "@/lib/store";
import { ConnectorError } from "../types";
import { DIRECTORY_UNAVAILABLE, isReadableFileName, type FileConfig } from "./config";
import { adoptLegacyUploads } from "./uploaded";

/** One file a file connection reads: its name (the stream's) and where to read it on this machine. */
export type SourceFile = { name: string; path(): Promise<string> };

/** The files of a connection, sorted by name. */
export type FileList = () => Promise<SourceFile[]>;

/**
 * Where a file connection's files are. Uploads are objects of the store, listed in PostgreSQL, so
 * every machine reads the same ones; a server directory is read where it is.
 */
export async function fileList(
  config: FileConfig,
  { scope, connectionId }: { scope: TenantScope; connectionId: string },
): Promise<FileList> {
  if (config.source === "upload") return () => uploadedFileList(scope, connectionId);
  return directoryFiles(await allowedDirectory(config.directory!));
}

/** The readable files of a folder (one `allowedDirectory` approved). */
export function directoryFiles(directory: string): FileList {
  return async () => {
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => {
      throw new ConnectorError("config", DIRECTORY_UNAVAILABLE);
    });
    return entries
      .filter((e) => e.isFile() && isReadableFileName(e.name))
      .map((e) => e.name)
      .sort()
      .map((name) => ({ name, path: async () => path.join(directory, name) }));
  };
}

async function uploadedFileList(scope: TenantScope, connectionId: string): Promise<SourceFile[]> {
  await adoptLegacyUploads(scope, connectionId);
  const rows = await scope.db.uploadedFile.findMany({
    where: { tenantId: scope.tenantId, connectionId },
    orderBy: { name: "asc" },
    select: { name: true, objectKey: true },
  });
  const store = await getStore();
  return rows.map((r) => ({ name: r.name, path: () => store.localPath(r.objectKey) }));
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
