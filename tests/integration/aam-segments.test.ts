import { utimes, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readEvents } from "@/lib/aam/segments/events";
import { SegmentWriter } from "@/lib/aam/segments/writer";
import { connectDcl } from "@/lib/dcl/connect";
import { currentBuild, readBuild } from "@/lib/dcl/views/builds";
import { queryView, ViewQuery } from "@/lib/dcl/views/query";
import { getStore, storeKeys } from "@/lib/store";
import { collectGarbage } from "@/lib/store/garbage";
import { inspectDb, scopedDb } from "../support/db";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { call } from "../support/http";
import { GET as eventsRoute } from "@/app/api/v1/aam/connections/[id]/events/route";

afterEach(() => vi.restoreAllMocks());

async function fileTenant(label: string) {
  const owner = await createAccount({ label });
  const conn = await createConnectionVia(owner.token, { name: "Files", type: "file", config: { source: "upload" } });
  const scope = async () => ({ tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) });
  const put = async (name: string, content: string) => expect((await uploadFile(owner.token, conn.id, name, content)).status).toBe(201);
  const events = async (stream: string) => (await readEvents(await scope(), conn.id, { stream, limit: 100_000 })).events;
  const segments = async () => (await inspectDb()).recordSegment.findMany({ where: { connectionId: conn.id }, orderBy: { seq: "asc" } });
  return { owner, id: conn.id, scope, put, events, segments, sync: () => syncNow(owner.tenantId, conn.id) };
}

const rows = (from: number, to: number, name = (i: number) => `row ${i}`) =>
  Array.from({ length: to - from + 1 }, (_, k) => `${from + k},${name(from + k)}\n`).join("");

describe("records as segments", () => {
  it("reads only the appended bytes of a CSV that grew, and re-reads one edited in place, storing only what changed", async () => {
    const t = await fileTenant("seg-append");
    await t.put("a.csv", `id,name\n${rows(1, 100)}`);
    expect((await t.sync()).read["a.csv"]).toEqual({ stored: 100, quarantined: 0 });
    await t.put("a.csv", `id,name\n${rows(1, 103)}`);
    expect((await t.sync()).read["a.csv"]).toEqual({ stored: 3, quarantined: 0 });
    const [first, second] = await t.segments();
    expect([first!.rowCount, second!.rowCount]).toEqual([100, 3]);
    expect(second!.cursorTo).toMatchObject({ complete: true, offset: 103 });

    // Row 5 edited: the file is read again; only row 5 is a new version.
    await t.put("a.csv", `id,name\n${rows(1, 103, (i) => (i === 5 ? "five" : `row ${i}`))}`);
    expect((await t.sync()).read["a.csv"]).toEqual({ stored: 1, quarantined: 0 });
    // ...and edited back: the old content is the newest version again, not a duplicate to skip.
    await t.put("a.csv", `id,name\n${rows(1, 103)}`);
    expect((await t.sync()).read["a.csv"]).toEqual({ stored: 1, quarantined: 0 });
    expect((await t.sync()).read["a.csv"]).toEqual({ stored: 0, quarantined: 0 });

    await connectDcl(await t.scope(), { model: null });
    const events = await t.events("a.csv");
    expect(events).toHaveLength(105);
    expect(events[0]!.payload).toEqual({ id: 5, name: "row 5" });
  });

  it("identifies records by key (composite keys without ambiguity) or by content, and quarantines the ones it cannot", async () => {
    const t = await fileTenant("seg-identity");
    const big = "x".repeat(1_000_100);
    await t.put(
      "k.jsonl",
      [
        JSON.stringify({ a: "1|2", b: "3", v: 1 }),
        JSON.stringify({ a: "1", b: "2|3", v: 2 }),
        JSON.stringify({ a: "1", b: "2|3", v: 3 }),
        JSON.stringify({ a: "9", b: "9", v: big }),
      ].join("\n"),
    );
    const read = await t.sync();
    // No single field is unique, so k.jsonl is keyless: identified by content, the big record quarantined.
    expect(read.read["k.jsonl"]).toEqual({ stored: 3, quarantined: 1 });
    const quarantine = await (await inspectDb()).quarantinedRecord.findMany({ where: { connectionId: t.id } });
    expect(quarantine.map((q) => q.reason)).toEqual(["record is larger than 1,000,000 bytes"]);
    expect(new Set((await t.events("k.jsonl")).map((e) => e.sourceRecordId.slice(0, 7)))).toEqual(new Set(["sha256:"]));
  });

  it("keeps the last version of a record read twice in one batch", async () => {
    const t = await fileTenant("seg-repeat");
    // The key is inferred from the first 10,000 lines; the repeat comes after them.
    const lines = Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ id: `r${i}`, v: i }));
    await t.put("r.jsonl", [...lines, JSON.stringify({ id: "r7", v: "later" })].join("\n"));
    expect((await t.sync()).read["r.jsonl"]).toEqual({ stored: 10_000, quarantined: 0 });
    const r7 = (await t.events("r.jsonl")).filter((e) => e.sourceRecordId === "r7");
    expect(r7.map((e) => e.payload)).toEqual([{ id: "r7", v: "later" }]);
  });

  it("keeps fields named like Object.prototype's as data, and a record differing only there is another version", async () => {
    const t = await fileTenant("seg-proto");
    await t.put("p.jsonl", '{"id":"1","__proto__":{"polluted":true},"constructor":"c","prototype":"p"}\n');
    await t.sync();
    const [event] = await t.events("p.jsonl");
    expect(JSON.stringify(event!.payload)).toBe('{"id":"1","__proto__.polluted":true,"constructor":"c","prototype":"p"}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    await t.put("p.jsonl", '{"id":"1","__proto__":{"polluted":false},"constructor":"c","prototype":"p"}\n');
    expect((await t.sync()).read["p.jsonl"]).toEqual({ stored: 1, quarantined: 0 });
  });

  it("loses and duplicates nothing when a sync dies between writing a segment and committing it", async () => {
    const t = await fileTenant("seg-crash");
    await t.put("c.csv", `id,name\n${rows(1, 50)}`);
    await t.sync();
    await t.put("c.csv", `id,name\n${rows(1, 80)}`);
    const commit = vi
      .spyOn(SegmentWriter.prototype as unknown as { commitCatalog: () => Promise<unknown> }, "commitCatalog")
      .mockRejectedValueOnce(new Error("killed"));
    await expect(t.sync()).rejects.toThrow("killed");
    expect(commit).toHaveBeenCalledTimes(1);
    expect(await t.segments()).toHaveLength(1);
    expect((await t.sync()).read["c.csv"]).toEqual({ stored: 30, quarantined: 0 });
    expect(await t.events("c.csv")).toHaveLength(80);
    expect(new Set((await t.events("c.csv")).map((e) => e.sourceRecordId)).size).toBe(80);
  });

  it("collects files no catalog row names, once they are old enough, and keeps every catalogued one", async () => {
    const t = await fileTenant("seg-gc");
    await t.put("g.csv", `id,name\n${rows(1, 10)}`);
    await t.sync();
    const store = await getStore();
    const orphan = storeKeys.segment({
      tenantId: t.owner.tenantId,
      connectionId: t.id,
      streamId: crypto.randomUUID(),
      segmentId: crypto.randomUUID(),
    });
    const fresh = storeKeys.segment({
      tenantId: t.owner.tenantId,
      connectionId: t.id,
      streamId: crypto.randomUUID(),
      segmentId: crypto.randomUUID(),
    });
    for (const key of [orphan, fresh]) {
      const file = await store.localPath(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, "PAR1");
    }
    const old = new Date(Date.now() - 2 * 3600_000);
    await utimes(await store.localPath(orphan), old, old);
    expect(await collectGarbage(await t.scope())).toEqual({ deleted: 1 });
    const left = (await store.list(storeKeys.records(t.owner.tenantId))).map((o) => o.key);
    expect(left).toContain(fresh);
    expect(left).not.toContain(orphan);
    expect(left).toContain((await t.segments())[0]!.objectKey);
  });
});

describe("the events API over segments", () => {
  it("pages newest first across segments with the last event's id as cursor, and refuses a malformed cursor with 422", async () => {
    const t = await fileTenant("seg-events");
    await t.put("e.csv", `id,name\n${rows(1, 4)}`);
    await t.sync();
    await t.put("e.csv", `id,name\n${rows(1, 7)}`);
    await t.sync();
    const page = (cursor?: string) =>
      call(eventsRoute, "GET", `/x?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { token: t.owner.token, params: { id: t.id } });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await page(cursor);
      expect(res.status).toBe(200);
      seen.push(...res.json.events.map((e: { sourceRecordId: string }) => e.sourceRecordId));
      cursor = res.json.nextCursor ?? undefined;
    } while (cursor);
    // The appended rows (one segment) first, then the first sync's.
    expect(seen.slice(0, 3).sort()).toEqual(["5", "6", "7"]);
    expect([...seen].sort()).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    const bad = await page("../../etc");
    expect(bad.status).toBe(422);
    // A cursor naming a row past its segment's end starts that segment from the top, not a 500.
    const first = (await page()).json.events[0].id as string;
    const forged = await page(`${first.split(":")[0]}:9999999999`);
    expect(forged.status).toBe(200);
    expect(forged.json.events.map((e: { sourceRecordId: string }) => e.sourceRecordId).sort()).toEqual(["5", "6", "7"]);
  });
});

describe("view builds", () => {
  const ACCOUNTS = "Id,Account Name,Website\n";
  const account = (i: number, name = `Company ${i}`) => `A-${i},${name},https://c${i}.example.com\n`;
  const accounts = (from: number, to: number, name?: (i: number) => string) =>
    Array.from({ length: to - from + 1 }, (_, k) => account(from + k, name?.(from + k))).join("");

  /** The current build's account parts (object keys and rows) and the view's rows by id. */
  async function accountView(t: Awaited<ReturnType<typeof fileTenant>>) {
    const build = await currentBuild(await t.scope());
    const parts = build!.entities.find((e) => e.entity === "account")!.parts.map((p) => ({ key: p.objectKey, rows: p.rows }));
    const page = await queryView(await t.scope(), "account", ViewQuery.parse({ sort: "account_id", limit: "500" }));
    return { parts, total: page.total, names: Object.fromEntries(page.rows.map((r) => [r.account_id as string, r.name as string])) };
  }

  it("carry over the parts nothing changed, project only new segments, and rewrite a part whose records changed", async () => {
    const t = await fileTenant("seg-incremental");
    await t.put("accounts.csv", ACCOUNTS + accounts(1, 3));
    await t.sync();
    await connectDcl(await t.scope(), { model: null });
    const first = await accountView(t);
    expect(first.parts.map((p) => p.rows)).toEqual([3]);

    // An append: the first part is kept as it is, the new rows are a part of their own.
    await t.put("accounts.csv", ACCOUNTS + accounts(1, 5));
    await t.sync();
    await connectDcl(await t.scope(), { model: null });
    const appended = await accountView(t);
    expect(appended.parts).toEqual([first.parts[0], { key: expect.any(String), rows: 2 }]);
    expect(appended.total).toBe(5);

    // A-1 renamed: the part holding its old version is rewritten without it, the other kept.
    await t.put("accounts.csv", ACCOUNTS + accounts(1, 5, (i) => (i === 1 ? "Renamed" : `Company ${i}`)));
    expect((await t.sync()).read["accounts.csv"]).toEqual({ stored: 1, quarantined: 0 });
    await connectDcl(await t.scope(), { model: null });
    const edited = await accountView(t);
    expect(edited.parts.map((p) => p.rows)).toEqual([2, 2, 1]);
    expect(edited.parts[0]!.key).not.toBe(first.parts[0]!.key);
    expect(edited.parts[1]).toEqual(appended.parts[1]);
    expect(edited.total).toBe(5);
    expect(edited.names).toEqual({ "A-1": "Renamed", "A-2": "Company 2", "A-3": "Company 3", "A-4": "Company 4", "A-5": "Company 5" });

    // Nothing new: the build carries every part over.
    await connectDcl(await t.scope(), { model: null });
    expect((await accountView(t)).parts).toEqual(edited.parts);

    // Builds superseded past the grace period go with their files, except the parts a later build carries over.
    await (await inspectDb()).viewBuild.updateMany({
      where: { tenantId: t.owner.tenantId, supersededAt: { not: null } },
      data: { supersededAt: new Date(Date.now() - 86_400_000) },
    });
    await connectDcl(await t.scope(), { model: null });
    const files = (await (await getStore()).list(storeKeys.views(t.owner.tenantId))).map((o) => o.key);
    expect(files.sort()).toEqual(edited.parts.map((p) => p.key).sort());
    expect((await accountView(t)).total).toBe(5);
  });

  it("leave the previous build current when a rebuild dies mid-way", async () => {
    const t = await fileTenant("seg-rebuild");
    await t.put("accounts.csv", ACCOUNTS + accounts(1, 2));
    await t.sync();
    await connectDcl(await t.scope(), { model: null });
    const before = await readBuild(await t.scope());
    expect(before.id).not.toBeNull();
    await t.put("accounts.csv", ACCOUNTS + accounts(1, 4, (i) => (i === 1 ? "Renamed" : `Company ${i}`)));
    await t.sync();
    const store = await getStore();
    const original = store.put.bind(store);
    let puts = 0;
    // The new rows' part is stored; the first part, rewritten without A-1's old version, cannot be.
    vi.spyOn(store, "put").mockImplementation(async (key, file) => {
      if (++puts === 2) throw new Error("disk full");
      return original(key, file);
    });
    await expect(connectDcl(await t.scope(), { model: null })).rejects.toThrow("disk full");
    expect((await readBuild(await t.scope())).id).toBe(before.id);
    vi.restoreAllMocks();
    await connectDcl(await t.scope(), { model: null });
    expect((await accountView(t)).names).toMatchObject({ "A-1": "Renamed", "A-4": "Company 4" });
    expect((await accountView(t)).total).toBe(4);
  });
});
