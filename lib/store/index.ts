import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { folderStore } from "./folder";
import type { Store } from "./types";

export type { Store, StoredObject } from "./types";
export { storeKeys } from "./keys";

const globalForStore = globalThis as unknown as { aosStore?: Promise<Store> };

/** The configured store, one per process: the data folder, or object storage with AOS_STORE_URL. */
export function getStore(): Promise<Store> {
  return (globalForStore.aosStore ??= open());
}

async function open(): Promise<Store> {
  if (!env.store.url) return folderStore(path.resolve(env.dataDir, "store"));
  const { s3Store } = await import("./s3");
  const { url, cacheBytes, forcePathStyle, region } = env.store;
  return s3Store({ url, cacheDir: path.resolve(env.dataDir, "store-cache"), cacheBytes, forcePathStyle, region });
}
