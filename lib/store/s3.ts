import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat, utimes } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { checkKey } from "./keys";
import type { Store, StoredObject } from "./types";

/** The object is not in the bucket (never written, or deleted). */
export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`object not found: ${key}`);
    this.name = "ObjectNotFoundError";
  }
}

/** Object storage failed or refused. The message names the error code only, never what the SDK said or sent. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

export type S3StoreOptions = {
  /** `s3://bucket/optional/prefix`: object `key` lives at `<prefix>/<key>`. */
  url: string;
  /** Local folder for cached objects and scratch files. */
  cacheDir: string;
  /** Cached files beyond this size are evicted, least recently used first. */
  cacheBytes: number;
  forcePathStyle?: boolean;
  /** Unset: us-east-1. */
  region?: string;
  /** Keys per ListObjectsV2 page (tests); S3 caps it at 1000. */
  listPageSize?: number;
};

const DELETE_CHUNK = 1000;

/**
 * The store in an S3-compatible bucket, with a local cache of what this process wrote or read.
 * Objects are immutable, so a cached file is never revalidated. Credentials and endpoint come
 * from the SDK's usual variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_ENDPOINT_URL_S3
 * or AWS_ENDPOINT_URL, profiles, instance roles). The endpoint is operator configuration, not
 * tenant input, so the SDK's own HTTP client reaches it directly rather than through the
 * outbound policy of lib/net, which guards the URLs tenants choose.
 */
export function s3Store(options: S3StoreOptions): Store {
  const { bucket, prefix } = parseStoreUrl(options.url);
  const client = new S3Client({
    region: options.region ?? "us-east-1",
    forcePathStyle: options.forcePathStyle ?? false,
    // Checksums only where S3 requires them (DeleteObjects): S3-compatible servers that do not
    // understand aws-chunked uploads with checksum trailers (s3rver, older MinIO and Ceph) store
    // the framing as data. A download's size is checked against the answer's Content-Length.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: { connectionTimeout: 10_000, socketTimeout: 120_000 },
  });
  const cache = lruCache(options.cacheDir, options.cacheBytes);
  const downloads = new Map<string, Promise<string>>();
  const objectKey = (key: string) => prefix + checkKey(key);

  async function download(key: string): Promise<string> {
    const scratch = await cache.scratchFile("");
    try {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      if (!answer.Body) throw new StoreError(`object storage: download ${key} answered no body`);
      await pipeline(answer.Body as Readable, createWriteStream(scratch));
      const { size } = await stat(scratch);
      if (answer.ContentLength !== undefined && size !== answer.ContentLength)
        throw new StoreError(`object storage: download ${key} was cut short`);
      return await cache.add(key, scratch);
    } catch (error) {
      await rm(scratch, { force: true });
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw storeError(`download ${key}`, error);
    }
  }

  return {
    scratchFile: (suffix) => cache.scratchFile(suffix),
    async put(key, file) {
      const target = objectKey(key);
      const { size } = await stat(file);
      try {
        await client.send(new PutObjectCommand({ Bucket: bucket, Key: target, Body: createReadStream(file), ContentLength: size }));
      } catch (error) {
        throw storeError(`upload ${key}`, error);
      }
      await cache.add(key, file);
      return size;
    },
    async localPath(key) {
      checkKey(key);
      const cached = await cache.get(key);
      if (cached) return cached;
      let pending = downloads.get(key);
      if (!pending) {
        pending = download(key).finally(() => downloads.delete(key));
        downloads.set(key, pending);
      }
      return pending;
    },
    async list(under) {
      const base = objectKey(under.endsWith("/") ? under : `${under}/`);
      const out: StoredObject[] = [];
      let token: string | undefined;
      do {
        const page = await client
          .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: base, ContinuationToken: token, MaxKeys: options.listPageSize }))
          .catch((error) => Promise.reject(storeError(`list ${under}`, error)));
        for (const object of page.Contents ?? []) {
          if (!object.Key || object.Key.endsWith("/")) continue;
          out.push({ key: object.Key.slice(prefix.length), bytes: object.Size ?? 0, modifiedAt: object.LastModified ?? new Date(0) });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return out.sort((a, b) => a.key.localeCompare(b.key));
    },
    async delete(keys) {
      const targets = keys.map(objectKey);
      // Cached copies first: should the bucket refuse, a later read downloads again rather than
      // serving a copy of an object that may be gone.
      await Promise.all(keys.map((key) => cache.remove(key)));
      for (let i = 0; i < targets.length; i += DELETE_CHUNK) {
        const chunk = targets.slice(i, i + DELETE_CHUNK);
        const answer = await client
          .send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: chunk.map((Key) => ({ Key })), Quiet: true } }))
          .catch((error) => Promise.reject(storeError(`delete ${chunk.length} objects`, error)));
        const failed = answer.Errors ?? [];
        if (failed.length > 0)
          throw new StoreError(
            `object storage: delete failed for ${failed.length} objects (${failed[0].Code ?? "unknown"}: ${failed[0].Key ?? ""})`,
          );
      }
    },
  };
}

function parseStoreUrl(url: string): { bucket: string; prefix: string } {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {}
  if (!parsed || parsed.protocol !== "s3:" || !parsed.hostname) throw new Error("the store URL must look like s3://bucket/optional/prefix");
  const prefix = decodeURIComponent(parsed.pathname).replace(/^\/+|\/+$/g, "");
  return { bucket: parsed.hostname, prefix: prefix ? `${prefix}/` : "" };
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === "NoSuchKey" || name === "NotFound";
}

/** Names the failure by its code, status and request id; the SDK's message and request stay out. */
function storeError(action: string, error: unknown): Error {
  if (error instanceof StoreError || error instanceof ObjectNotFoundError) return error;
  const e = (error ?? {}) as { name?: string; code?: string; $metadata?: { httpStatusCode?: number; requestId?: string } };
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const what = [e.name ?? "Error", e.code, status && `HTTP ${status}`, requestId && `request ${requestId}`].filter(Boolean).join(", ");
  return new StoreError(`object storage: ${action} failed (${what})`);
}

/**
 * Cached objects at `<dir>/<key>`, scratch files in `<dir>/.scratch`. The index (key -> bytes, least
 * recently used first) is built by scanning the folder once; a file's mtime records its last use,
 * so the order survives restarts. Another process sharing the folder may evict a file this one
 * knows: `get` then finds it gone and the object is downloaded again.
 */
function lruCache(dir: string, maxBytes: number) {
  const scratchDir = path.join(dir, ".scratch");
  const fileOf = (key: string) => path.join(dir, key);
  const index = new Map<string, number>();
  let total = 0;
  let scanned: Promise<void> | undefined;

  function use(key: string, bytes: number) {
    forget(key);
    index.set(key, bytes);
    total += bytes;
  }
  function forget(key: string) {
    const bytes = index.get(key);
    if (bytes === undefined) return;
    index.delete(key);
    total -= bytes;
  }
  /** Removes least recently used files until the cache fits, never `keep`. */
  async function evict(keep: string) {
    const victims: string[] = [];
    for (const key of index.keys()) {
      if (total <= maxBytes) break;
      if (key === keep) continue;
      forget(key);
      victims.push(key);
    }
    await Promise.all(victims.map((key) => rm(fileOf(key), { force: true })));
  }
  async function scan() {
    const found: { key: string; bytes: number; usedAt: number }[] = [];
    async function walk(folder: string): Promise<void> {
      for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && full !== scratchDir) await walk(full);
        else if (entry.isFile()) {
          const key = path.relative(dir, full).split(path.sep).join("/");
          const s = await stat(full).catch(() => null);
          if (s && isKey(key)) found.push({ key, bytes: s.size, usedAt: s.mtimeMs });
        }
      }
    }
    await walk(dir);
    for (const f of found.sort((a, b) => a.usedAt - b.usedAt)) use(f.key, f.bytes);
  }
  const ready = () => (scanned ??= scan());

  return {
    async scratchFile(suffix: string) {
      await mkdir(scratchDir, { recursive: true });
      return path.join(scratchDir, `${randomUUID()}${suffix}`);
    },
    /** The cached file, marked as just used; null when it is not cached. */
    async get(key: string): Promise<string | null> {
      await ready();
      const file = fileOf(key);
      const known = index.get(key);
      if (known !== undefined) use(key, known);
      try {
        const now = new Date();
        await utimes(file, now, now);
        if (known === undefined) {
          use(key, (await stat(file)).size);
          await evict(key);
        }
        return file;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        forget(key);
        return null;
      }
    },
    /** Moves a local file (on the cache's disk, usually a scratch file) into the cache at `key`. */
    async add(key: string, file: string): Promise<string> {
      await ready();
      const target = fileOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      await rename(file, target).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "EXDEV") throw error;
        await copyFile(file, target);
        await rm(file, { force: true });
      });
      use(key, (await stat(target)).size);
      await evict(key);
      return target;
    },
    async remove(key: string) {
      await ready();
      forget(key);
      await rm(fileOf(key), { force: true });
    },
  };
}

function isKey(key: string): boolean {
  try {
    checkKey(key);
    return true;
  } catch {
    return false;
  }
}
