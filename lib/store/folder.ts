import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { checkKey } from "./keys";
import type { Store, StoredObject } from "./types";

/**
 * The store as a folder (the default: `<data dir>/store`). A put is a rename from the scratch
 * folder beside it, so an object appears whole or not at all. Several processes may share the
 * folder; several machines need object storage (lib/store/s3.ts) or a shared filesystem.
 */
export function folderStore(root: string): Store {
  const scratch = path.join(root, ".scratch");
  const fileOf = (key: string) => path.join(root, checkKey(key));
  return {
    async scratchFile(suffix) {
      await mkdir(scratch, { recursive: true });
      return path.join(scratch, `${randomUUID()}${suffix}`);
    },
    async put(key, file) {
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file, target);
      return (await stat(target)).size;
    },
    async localPath(key) {
      return fileOf(key);
    },
    async list(prefix) {
      const out: StoredObject[] = [];
      const base = path.join(root, checkKey(prefix.endsWith("/") ? prefix : `${prefix}/`));
      async function walk(dir: string): Promise<void> {
        const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
        for (const entry of entries) {
          const full = path.join(dir, entry.name);
          if (entry.isDirectory()) await walk(full);
          else if (entry.isFile()) {
            const s = await stat(full).catch(() => null);
            if (s) out.push({ key: path.relative(root, full).split(path.sep).join("/"), bytes: s.size, modifiedAt: s.mtime });
          }
        }
      }
      await walk(base);
      return out.sort((a, b) => a.key.localeCompare(b.key));
    },
    async delete(keys) {
      for (const key of keys) await rm(fileOf(key), { force: true });
    },
  };
}
