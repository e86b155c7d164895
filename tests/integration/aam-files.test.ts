import { writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { GET as filesRoute } from "@/app/api/v1/aam/connections/[id]/files/route";
import { storeUpload } from "@/lib/aam/uploads";
import { readEvents } from "@/lib/aam/segments/events";
import { getStore } from "@/lib/store";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { inspectDb, scopedDb } from "../support/db";
import { call } from "../support/http";

/** The start of a PNG image: what a person uploads by mistake. */
const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082",
  "hex",
);
const GOOD = "id,name\n1,Acme\n2,Globex\n";

async function fileNames(owner: TestAccount, connectionId: string): Promise<string[]> {
  const res = await call(filesRoute, "GET", "/x", { token: owner.token, params: { id: connectionId } });
  return res.json.files.map((f: { name: string }) => f.name);
}

/** Puts `bytes` into the connection's files as the store holds them, without the upload's checks (a file from before them). */
async function storeDirectly(owner: TestAccount, connectionId: string, name: string, bytes: Buffer) {
  const file = await (await getStore()).scratchFile(".csv");
  await writeFile(file, bytes);
  await storeUpload({ tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) }, connectionId, name, file);
}

describe("files that are not text", () => {
  it("refuses a binary upload with 415 and a clear message, and keeps text in other encodings", async () => {
    const owner = await createAccount({ label: "aam-binary-upload" });
    const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: {} });

    const image = await uploadFile(owner.token, conn.id, "accounts.csv", PNG);
    expect(image.status).toBe(415);
    expect(image.json.error.message).toMatch(/^accounts\.csv is not a text file: it holds binary data/);
    const jsonl = await uploadFile(
      owner.token,
      conn.id,
      "events.jsonl",
      Buffer.concat([Buffer.from('{"id":1}\n'), Buffer.alloc(16), Buffer.from("\n")]),
    );
    expect(jsonl.status).toBe(415);
    expect(await fileNames(owner, conn.id)).toEqual([]);

    // Text with NUL bytes of its own (UTF-16 with its byte-order mark) and text that is not UTF-8 (read as Windows-1252) are text.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,name\r\n1,Zoë\r\n", "utf16le")]);
    expect((await uploadFile(owner.token, conn.id, "utf16.csv", utf16)).status).toBe(201);
    expect((await uploadFile(owner.token, conn.id, "latin.csv", Buffer.from("id,name\n1,Müller\n", "latin1"))).status).toBe(201);
    expect(await fileNames(owner, conn.id)).toEqual(["latin.csv", "utf16.csv"]);

    // Declared UTF-8, a file that is not is refused rather than read with replacement characters.
    const strict = await createConnectionVia(owner.token, { name: "UTF-8 only", type: "file", config: { encoding: "utf-8" } });
    const latin = await uploadFile(owner.token, strict.id, "latin.csv", Buffer.from("id,name\n1,Müller\n", "latin1"));
    expect(latin.status).toBe(422);
    expect(latin.json.error.message).toBe("latin.csv is not UTF-8 text, the encoding this connection is set to read");
  });

  it("reads the good files of a connection that holds a binary one: the sync is partial, not failed, every time", async () => {
    const owner = await createAccount({ label: "aam-binary-sync" });
    const conn = await createConnectionVia(owner.token, { name: "Mixed", type: "file", config: {} });
    expect((await uploadFile(owner.token, conn.id, "accounts.csv", GOOD)).status).toBe(201);
    await storeDirectly(owner, conn.id, "report.csv", PNG);

    for (const round of [1, 2]) {
      const summary = await syncNow(owner.tenantId, conn.id);
      expect(summary.problems).toEqual([
        { stream: "report.csv", message: expect.stringMatching(/^report\.csv is not a text file: it holds binary data/) },
      ]);
      expect(summary.read["accounts.csv"]).toEqual({ stored: round === 1 ? 2 : 0, quarantined: 0 });
      const row = await (await inspectDb()).connection.findUniqueOrThrow({ where: { id: conn.id } });
      expect(row).toMatchObject({
        status: "active",
        lastSyncStatus: "partial",
        statusMessage: expect.stringContaining("report.csv is not a text file"),
      });
    }
    const { events } = await readEvents({ tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) }, conn.id, { limit: 10 });
    expect(events.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        { id: 1, name: "Acme" },
        { id: 2, name: "Globex" },
      ]),
    );
    expect(await (await inspectDb()).connectionStream.count({ where: { connectionId: conn.id, name: "report.csv" } })).toBe(0);

    // A stream that was read before and turns binary is reported, not taken for removed.
    await storeDirectly(owner, conn.id, "accounts.csv", PNG);
    const after = await syncNow(owner.tenantId, conn.id);
    expect(after.problems.map((p) => p.stream)).toEqual(["accounts.csv", "report.csv"]);
    expect(await (await inspectDb()).driftEvent.count({ where: { connectionId: conn.id, kind: "stream_removed" } })).toBe(0);
  });

  it("quarantines an unreadable row holding a NUL byte past the start of a file, and reads the rest", async () => {
    const owner = await createAccount({ label: "aam-nul-row" });
    const conn = await createConnectionVia(owner.token, { name: "Late NUL", type: "file", config: {} });
    const rows = Array.from({ length: 400 }, (_, i) => `${i + 1},name ${i + 1} ${"x".repeat(20)}`).join("\n");
    const content = `id,name\n${rows}\n401,bad\u0000row,extra\n402,last\n`;
    expect((await uploadFile(owner.token, conn.id, "people.csv", content)).status).toBe(201);
    const summary = await syncNow(owner.tenantId, conn.id);
    expect(summary.problems).toEqual([]);
    expect(summary.read["people.csv"]).toEqual({ stored: 401, quarantined: 1 });
    const quarantined = await (await inspectDb()).quarantinedRecord.findFirstOrThrow({ where: { connectionId: conn.id } });
    expect(quarantined.raw).toBe("401,bad\uFFFDrow,extra\n");
  });
});
