import { randomBytes, randomUUID } from "node:crypto";
import { access, mkdtemp, readFile, rm, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { storeKeys } from "@/lib/store/keys";
import { ObjectNotFoundError, StoreError, s3Store, type S3StoreOptions } from "@/lib/store/s3";
import type { Store } from "@/lib/store/types";
import { startS3rver, type LocalS3 } from "../support/s3rver";
import { putBytes, segmentKey, storeContract } from "../support/store-contract";

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );
const AWS_VARS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_ENDPOINT_URL_S3", "AWS_REQUEST_CHECKSUM_CALCULATION"] as const;

describe("S3 store against a real S3 server", () => {
  let s3: LocalS3;
  let tmp: string;
  const saved: Partial<Record<(typeof AWS_VARS)[number], string>> = {};
  let shared: Store;

  /** A store as on a separate machine: its own empty cache folder. */
  async function machine(options: Partial<S3StoreOptions> = {}): Promise<{ store: Store; cacheDir: string }> {
    const cacheDir = await mkdtemp(path.join(tmp, "cache-"));
    const store = s3Store({
      url: `s3://${s3.bucket}/deployments/test`,
      cacheDir,
      cacheBytes: 64 * 1024 ** 2,
      forcePathStyle: true,
      ...options,
    });
    return { store, cacheDir };
  }

  beforeAll(async () => {
    s3 = await startS3rver();
    tmp = await mkdtemp(path.join(os.tmpdir(), "aos-store-s3-"));
    for (const name of AWS_VARS) saved[name] = process.env[name];
    process.env.AWS_ACCESS_KEY_ID = "S3RVER";
    process.env.AWS_SECRET_ACCESS_KEY = "S3RVER";
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    shared = (await machine()).store;
  });

  afterAll(async () => {
    for (const name of AWS_VARS) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await s3?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  describe("contract", () => {
    storeContract(() => shared);
  });

  it("keeps objects under the URL's prefix and serves the writer from its cache", async () => {
    const { store, cacheDir } = await machine();
    const key = segmentKey();
    await putBytes(store, key, Buffer.from("written here"));
    expect((await s3.requests()).filter((r) => r.startsWith(`PUT /${s3.bucket}/deployments/test/${key}`))).toHaveLength(1);

    const before = (await s3.requests()).length;
    expect(await store.localPath(key)).toBe(path.join(cacheDir, key));
    expect((await s3.requests()).length).toBe(before);
  });

  it("downloads an object on a second machine once, however many readers ask at the same time", async () => {
    const key = segmentKey();
    const bytes = randomBytes(3 * 1024 ** 2 + 11);
    await putBytes(shared, key, bytes);

    const { store, cacheDir } = await machine();
    const gets = async () => (await s3.requests()).filter((r) => r.startsWith("GET ") && r.includes(key)).length;
    const paths = await Promise.all([store.localPath(key), store.localPath(key), store.localPath(key)]);
    expect(new Set(paths)).toEqual(new Set([path.join(cacheDir, key)]));
    expect((await readFile(paths[0])).equals(bytes)).toBe(true);
    expect(await gets()).toBe(1);

    await store.localPath(key);
    expect(await gets()).toBe(1);
  });

  it("answers a missing object with a clear error", async () => {
    const { store, cacheDir } = await machine();
    const key = segmentKey();
    const error = await store.localPath(key).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ObjectNotFoundError);
    expect((error as Error).message).toBe(`object not found: ${key}`);
    expect(await exists(path.join(cacheDir, key))).toBe(false);
  });

  it("pages through long listings", async () => {
    const { store } = await machine({ listPageSize: 7 });
    const tenant = randomUUID();
    const keys = Array.from({ length: 20 }, () => segmentKey(tenant));
    await Promise.all(keys.map((key, i) => putBytes(store, key, Buffer.from(`object ${i}`))));

    const lists = async () => (await s3.requests()).filter((r) => r.includes("list-type=2")).length;
    const before = await lists();
    const listed = await store.list(storeKeys.records(tenant));
    expect(listed.map((o) => o.key).sort()).toEqual([...keys].sort());
    expect((await lists()) - before).toBe(3);
  });

  it("deletes objects everywhere, cached copies included, in requests of at most 1000 keys", async () => {
    const { store: writer, cacheDir: writerCache } = await machine();
    const { store: reader, cacheDir: readerCache } = await machine();
    const tenant = randomUUID();
    const key = segmentKey(tenant);
    await putBytes(writer, key, Buffer.from("to delete"));
    await reader.localPath(key);

    const deletes = async () => (await s3.requests()).filter((r) => r.startsWith("POST ") && r.includes("delete")).length;
    const before = await deletes();
    await writer.delete([key, ...Array.from({ length: 1000 }, () => segmentKey(tenant))]);
    expect((await deletes()) - before).toBe(2);
    expect(await exists(path.join(writerCache, key))).toBe(false);
    expect(await writer.list(storeKeys.records(tenant))).toEqual([]);
    await expect(writer.localPath(key)).rejects.toBeInstanceOf(ObjectNotFoundError);

    await reader.delete([key]);
    expect(await exists(path.join(readerCache, key))).toBe(false);
  });

  it("evicts the least recently used cached files beyond its size, never the one it returns", async () => {
    const { store, cacheDir } = await machine({ cacheBytes: 2500 });
    const [a, b, c] = [segmentKey(), segmentKey(), segmentKey()];
    const cached = (key: string) => exists(path.join(cacheDir, key));
    await putBytes(store, a, Buffer.alloc(1000, 1));
    await putBytes(store, b, Buffer.alloc(1000, 2));
    await store.localPath(a);
    await putBytes(store, c, Buffer.alloc(1000, 3));
    expect([await cached(a), await cached(b), await cached(c)]).toEqual([true, false, true]);

    expect((await readFile(await store.localPath(b))).equals(Buffer.alloc(1000, 2))).toBe(true);
    expect([await cached(a), await cached(b), await cached(c)]).toEqual([false, true, true]);

    const big = segmentKey();
    await putBytes(store, big, Buffer.alloc(4000, 4));
    expect([await cached(b), await cached(c), await cached(big)]).toEqual([false, false, true]);
    expect((await readFile(await store.localPath(big))).length).toBe(4000);
  });

  it("finds the cache a previous process left and keeps it under its size", async () => {
    const { store: first, cacheDir } = await machine();
    const [older, newer, fresh] = [segmentKey(), segmentKey(), segmentKey()];
    await putBytes(first, older, Buffer.alloc(1000));
    await putBytes(first, newer, Buffer.alloc(1000));
    await putBytes(first, fresh, Buffer.alloc(1000));
    await utimes(path.join(cacheDir, older), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    await rm(path.join(cacheDir, fresh));

    const restarted = s3Store({ url: `s3://${s3.bucket}/deployments/test`, cacheDir, cacheBytes: 2500, forcePathStyle: true });
    await restarted.localPath(fresh);
    expect(await exists(path.join(cacheDir, older))).toBe(false);
    expect(await exists(path.join(cacheDir, newer))).toBe(true);
    expect(await exists(path.join(cacheDir, fresh))).toBe(true);
  });

  it("reports refused credentials and unreachable servers without the credentials", async () => {
    const [keyId, secret] = [`AKIA${randomUUID()}`, `secret-${randomUUID()}`];
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: secret });
    try {
      const { store } = await machine();
      const error = await store.list(storeKeys.records(randomUUID())).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(/^object storage: list .* failed \(InvalidAccessKeyId, HTTP 403/);
      const everything = JSON.stringify({
        ...(error as object),
        message: (error as Error).message,
        stack: (error as Error).stack,
        cause: (error as Error).cause,
      });
      expect(everything).not.toContain(keyId);
      expect(everything).not.toContain(secret);
    } finally {
      Object.assign(process.env, { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" });
    }

    process.env.AWS_ENDPOINT_URL_S3 = "http://127.0.0.1:9";
    try {
      const { store } = await machine();
      const error = await store.localPath(segmentKey()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect((error as Error).message).toMatch(/ECONNREFUSED/);
    } finally {
      process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    }
  });

  it("is configured from the environment", () => {
    const base = { AOS_STORE_URL: "s3://bucket/prefix" };
    expect(parseEnv(base).store).toEqual({
      url: "s3://bucket/prefix",
      cacheBytes: 4 * 1024 ** 3,
      forcePathStyle: false,
      region: undefined,
    });
    expect(parseEnv({ ...base, AOS_STORE_S3_FORCE_PATH_STYLE: "true", AWS_DEFAULT_REGION: "eu-west-1" }).store).toMatchObject({
      forcePathStyle: true,
      region: "eu-west-1",
    });
    expect(parseEnv({ ...base, AWS_REGION: "eu-central-1", AWS_DEFAULT_REGION: "eu-west-1" }).store.region).toBe("eu-central-1");
    expect(() => parseEnv({ ...base, AOS_STORE_S3_FORCE_PATH_STYLE: "sometimes" })).toThrow(/AOS_STORE_S3_FORCE_PATH_STYLE/);
  });
});
