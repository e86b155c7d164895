import { randomBytes, randomUUID } from "node:crypto";
import { access, readFile, writeFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { storeKeys } from "@/lib/store/keys";
import type { Store } from "@/lib/store/types";

/** A new segment key under a fresh tenant (or the one given). */
export function segmentKey(tenantId: string = randomUUID(), connectionId: string = randomUUID()): string {
  return storeKeys.segment({ tenantId, connectionId, streamId: randomUUID(), segmentId: randomUUID() });
}

/** Writes `bytes` to a scratch file of the store and puts it at `key`. */
export async function putBytes(store: Store, key: string, bytes: Buffer): Promise<number> {
  const file = await store.scratchFile(".parquet");
  await writeFile(file, bytes);
  return store.put(key, file);
}

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/** The behaviour every Store must have; run against each implementation. */
export function storeContract(getStore: () => Store) {
  it("reads back the bytes it was given, and takes the local file", async () => {
    const store = getStore();
    const key = segmentKey();
    const bytes = randomBytes(64 * 1024 + 7);
    const file = await store.scratchFile(".parquet");
    expect(file.endsWith(".parquet")).toBe(true);
    await writeFile(file, bytes);

    expect(await store.put(key, file)).toBe(bytes.length);
    expect(await exists(file)).toBe(false);
    expect((await readFile(await store.localPath(key))).equals(bytes)).toBe(true);
  });

  it("lists exactly the objects under a prefix, with their sizes", async () => {
    const store = getStore();
    const tenant = randomUUID();
    const connection = randomUUID();
    const mine = [segmentKey(tenant, connection), segmentKey(tenant, connection), segmentKey(tenant, connection)];
    const sibling = segmentKey(tenant);
    const otherTenant = segmentKey();
    const before = Date.now();
    for (const [i, key] of [...mine, sibling, otherTenant].entries()) await putBytes(store, key, Buffer.alloc(10 + i, i));

    const underConnection = await store.list(`${storeKeys.records(tenant)}${connection}`);
    expect(underConnection.map((o) => o.key)).toEqual([...mine].sort((a, b) => a.localeCompare(b)));
    expect(underConnection.map((o) => o.bytes).sort()).toEqual([10, 11, 12]);
    for (const object of underConnection) {
      expect(object.modifiedAt).toBeInstanceOf(Date);
      expect(object.modifiedAt.getTime()).toBeGreaterThan(before - 60_000);
    }
    expect((await store.list(storeKeys.records(tenant))).map((o) => o.key).sort()).toEqual([...mine, sibling].sort());
    expect(await store.list(storeKeys.views(tenant))).toEqual([]);
  });

  it("deletes objects and ignores missing ones", async () => {
    const store = getStore();
    const tenant = randomUUID();
    const [gone, kept] = [segmentKey(tenant), segmentKey(tenant)];
    await putBytes(store, gone, Buffer.from("gone"));
    await putBytes(store, kept, Buffer.from("kept"));

    await store.delete([gone, segmentKey(tenant)]);
    expect((await store.list(storeKeys.records(tenant))).map((o) => o.key)).toEqual([kept]);
    await store.delete([]);
    expect((await readFile(await store.localPath(kept))).toString()).toBe("kept");
  });

  it("refuses keys that leave the store or their tenant", async () => {
    const store = getStore();
    const tenant = randomUUID();
    const bad = ["../x", "/etc/passwd", `${tenant}/records/../../x`, `${tenant}/records/./x`, `/${tenant}/records/x`, `${tenant}/../x`, ""];
    const file = await store.scratchFile(".parquet");
    await writeFile(file, "payload");
    for (const key of bad) {
      await expect(store.put(key, file), key).rejects.toThrow(/not a store key/);
      await expect(store.localPath(key), key).rejects.toThrow(/not a store key/);
      await expect(store.list(key), key).rejects.toThrow(/not a store key/);
      await expect(store.delete([segmentKey(tenant), key]), key).rejects.toThrow(/not a store key/);
    }
    expect(await exists(file)).toBe(true);
  });
}
