import { mkdir, mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DIRECTORY_UNAVAILABLE, FileConfig } from "@/lib/aam/connectors/file/config";
import { createFileConnector } from "@/lib/aam/connectors/file/file-source";
import { allowedDirectory, directoryFiles } from "@/lib/aam/connectors/file/location";
import { env } from "@/lib/env";
import type { ReadBatch, SourceStream, StreamState } from "@/lib/aam/connectors/types";

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))));

async function folder(files: Record<string, string | Buffer>) {
  const dir = await mkdtemp(path.join(tmpdir(), "aos-files-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

const connector = (dir: string, config: Partial<FileConfig> = {}) =>
  createFileConnector(FileConfig.parse({ source: "upload", ...config }), directoryFiles(dir));

async function streamOf(dir: string, name: string, config?: Partial<FileConfig>): Promise<SourceStream> {
  const { streams } = await connector(dir, config).discover();
  const stream = streams.find((s) => s.name === name);
  if (!stream) throw new Error(`no stream ${name}`);
  return stream;
}

async function readAll(dir: string, stream: SourceStream, state: StreamState = null, batchSize = 100) {
  const batches: ReadBatch[] = [];
  for await (const batch of connector(dir).read(stream, state, { batchSize })) batches.push(batch);
  return {
    batches,
    records: batches.flatMap((b) => b.records),
    rejects: batches.flatMap((b) => b.rejects),
    state: batches.at(-1)?.state ?? state,
  };
}

describe("file source: discovery", () => {
  it("infers types, nullability and the key; keeps leading zeros as text", async () => {
    const dir = await folder({
      "accounts.csv":
        "Id,Account Name,Revenue,Active,Created,Zip,Note\n1,Acme,1200.5,true,2024-01-02T10:00:00Z,01234,\n2,Globex,900,false,2024-03-04T11:30:00Z,02111,vip\n",
    });
    const stream = await streamOf(dir, "accounts.csv");
    expect(stream.fields).toEqual([
      { name: "Id", type: "integer", nullable: false },
      { name: "Account Name", type: "string", nullable: false },
      { name: "Revenue", type: "number", nullable: false },
      { name: "Active", type: "boolean", nullable: false },
      { name: "Created", type: "timestamp", nullable: false },
      { name: "Zip", type: "string", nullable: false },
      { name: "Note", type: "string", nullable: true },
    ]);
    expect(stream.primaryKey).toEqual(["Id"]);
    expect(stream.sample[0]).toMatchObject({ Id: 1, Revenue: 1200.5, Active: true, Zip: "01234", Note: null });
  });

  it("sniffs semicolons and tabs, and decodes Windows-1252 and UTF-16 files", async () => {
    const latin = Buffer.from("id;name;city\n1;Müller;Köln\n2;Société;Paris\n", "latin1");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("id,name\n1,Zoë\n", "utf16le")]);
    const dir = await folder({ "latin.csv": latin, "wide.csv": utf16, "tabs.tsv": "id\tname\n1\tTabby\n" });
    const { streams, problems } = await connector(dir).discover();
    expect(problems).toEqual([]);
    const byName = Object.fromEntries(streams.map((s) => [s.name, s]));
    expect(byName["latin.csv"]!.sample).toEqual([
      { id: 1, name: "Müller", city: "Köln" },
      { id: 2, name: "Société", city: "Paris" },
    ]);
    expect(byName["wide.csv"]!.sample).toEqual([{ id: 1, name: "Zoë" }]);
    expect(byName["tabs.tsv"]!.sample).toEqual([{ id: 1, name: "Tabby" }]);
  });

  it("reports a 10,000-column file as a problem and still discovers the others", async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(",");
    const dir = await folder({ "huge.csv": `${header}\n${header}\n`, "ok.csv": "id,name\n1,a\n" });
    const { streams, problems } = await connector(dir).discover();
    expect(streams.map((s) => s.name)).toEqual(["ok.csv"]);
    expect(problems).toEqual([{ stream: "huge.csv", message: "huge.csv has 10,000 columns; at most 2,000 are supported" }]);
  });

  it("keeps hostile field names (quotes, SQL, HTML) as plain data", async () => {
    const names = ['"quoted"', "x'); DROP TABLE users;--", "<script>alert(1)</script>", "naïve ☃", "a".repeat(1000)];
    const csvHeader = names.map((n) => `"${n.replace(/"/g, '""')}"`).join(",");
    const dir = await folder({ "hostile.csv": `${csvHeader}\n1,2,3,4,5\n` });
    const stream = await streamOf(dir, "hostile.csv");
    expect(stream.fields.map((f) => f.name)).toEqual(names);
    expect(stream.sample[0]![names[1]!]).toBe(2);
  });

  it("flattens JSON Lines documents and names blank or repeated CSV headers", async () => {
    const dir = await folder({
      "things.jsonl": '{"thingId":"t1","placement":{"region":"eu"},"tags":["a"]}\n{"thingId":"t2","placement":{"region":"us"},"tags":[]}\n',
      "cols.csv": "id,,id\n1,2,3\n",
    });
    const { streams } = await connector(dir).discover();
    const things = streams.find((s) => s.name === "things.jsonl")!;
    expect(things.fields.map((f) => [f.name, f.type])).toEqual([
      ["thingId", "string"],
      ["placement.region", "string"],
      ["tags", "json"],
    ]);
    expect(things.primaryKey).toEqual(["thingId"]);
    expect(streams.find((s) => s.name === "cols.csv")!.fields.map((f) => f.name)).toEqual(["id", "column_2", "id_2"]);
  });
});

describe("file source: reading", () => {
  it("turns broken rows into rejects with their raw text and line, and keeps reading", async () => {
    const dir = await folder({
      "broken.csv": 'id,name,amount\n1,ok,10\n2,short\n3,stray "quote,30\n4,too,many,fields\n5,fine,50\n6,"never closed,60\n',
    });
    const stream = await streamOf(dir, "broken.csv");
    const { records, rejects } = await readAll(dir, stream);
    expect(records.map((r) => r.id)).toEqual([1, 3, 5]);
    expect(records[1]!.name).toBe('stray "quote');
    expect(rejects.map((r) => [r.location, r.reason])).toEqual([
      ["line 3", "row has 2 fields; the header has 3"],
      ["line 5", "row has 4 fields; the header has 3"],
      [expect.any(String), expect.stringContaining("Quote Not Closed")],
    ]);
    expect(rejects[0]!.raw).toBe("2,short\n");
    expect(rejects[2]!.raw).toBe('6,"never closed,60\n');
  });

  it("quarantines JSON Lines that are not objects", async () => {
    const dir = await folder({ "e.jsonl": '{"id":1}\nnot json\n[1,2]\n{"id":2}\n' });
    const stream = await streamOf(dir, "e.jsonl");
    const { records, rejects } = await readAll(dir, stream);
    expect(records).toEqual([{ id: 1 }, { id: 2 }]);
    expect(rejects.map((r) => r.location)).toEqual(["line 2", "line 3"]);
  });

  it("resumes after the last batch, skips an unchanged file, and re-reads a changed one", async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `${i + 1},row ${i + 1}`).join("\n");
    const dir = await folder({ "r.csv": `id,name\n${rows}\n` });
    const stream = await streamOf(dir, "r.csv");
    const first = await readAll(dir, stream, null, 10);
    expect(first.batches.map((b) => b.records.length)).toEqual([10, 10, 5]);

    // A read that died after the first batch resumes at row 11: nothing repeated, nothing lost.
    const resumed = await readAll(dir, stream, first.batches[0]!.state, 10);
    expect(resumed.records.map((r) => r.id)).toEqual(Array.from({ length: 15 }, (_, i) => i + 11));

    expect((await readAll(dir, stream, first.state)).records).toEqual([]);

    await writeFile(path.join(dir, "r.csv"), `id,name\n${rows}\n26,row 26\n`);
    expect((await readAll(dir, stream, first.state)).records).toHaveLength(26);
  });
});

describe("file source: field names that are Object.prototype's", () => {
  it("keeps CSV headers and JSON keys named __proto__, constructor and prototype as data", async () => {
    const dir = await folder({
      "p.csv": "id,__proto__,constructor,prototype\n1,a,b,c\n",
      "p.jsonl": '{"id":1,"__proto__":{"polluted":true},"constructor":"b","prototype":{"__proto__":"x"}}\n',
    });
    const csv = await streamOf(dir, "p.csv");
    expect(csv.fields.map((f) => f.name)).toEqual(["id", "__proto__", "constructor", "prototype"]);
    const expected = JSON.parse('{"id":1,"__proto__":"a","constructor":"b","prototype":"c"}');
    expect(JSON.parse(JSON.stringify(csv.sample[0]))).toEqual(expected);
    expect(JSON.parse(JSON.stringify((await readAll(dir, csv)).records[0]))).toEqual(expected);

    const jsonl = await streamOf(dir, "p.jsonl");
    expect(jsonl.fields.map((f) => f.name)).toEqual(["id", "__proto__.polluted", "constructor", "prototype.__proto__"]);
    const record = (await readAll(dir, jsonl)).records[0];
    expect(JSON.parse(JSON.stringify(record))).toEqual(
      JSON.parse('{"id":1,"__proto__.polluted":true,"constructor":"b","prototype.__proto__":"x"}'),
    );
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe("file source: which server directories a connection may name", () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  /** AOS_FILE_SOURCE_ROOTS = <root>, with the data folder (every tenant's uploads) inside it. */
  async function roots() {
    const root = await mkdtemp(path.join(tmpdir(), "aos-roots-"));
    dirs.push(root);
    const dataDir = path.join(root, "data");
    await mkdir(path.join(dataDir, "uploads", "tenant-b", "conn-1"), { recursive: true });
    await mkdir(path.join(root, "exports"));
    await writeFile(path.join(root, "a-file.csv"), "id\n1\n");
    const before = { roots: env.fileSourceRoots, dataDir: env.dataDir };
    env.fileSourceRoots = [root];
    env.dataDir = dataDir;
    restore = () => {
      env.fileSourceRoots = before.roots;
      env.dataDir = before.dataDir;
    };
    return { root, dataDir };
  }

  it("gives one answer for a path outside the roots, a missing one, a file and another tenant's upload folder", async () => {
    const { root, dataDir } = await roots();
    await expect(allowedDirectory(path.join(root, "exports"))).resolves.toBe(path.join(await realpath(root), "exports"));
    const refused = [
      "/etc",
      "/nonexistent-aos-folder",
      path.join(root, "missing"),
      path.join(root, "a-file.csv"),
      path.join(dataDir, "uploads", "tenant-b"),
      path.join(dataDir, "uploads", "tenant-b", "conn-1"),
      path.join(dataDir, "uploads", "tenant-c"),
      path.join(root, "exports", "..", "data"),
    ];
    const answers = await Promise.all(
      refused.map((dir) =>
        allowedDirectory(dir).then(
          () => "allowed",
          (e: Error) => `${e.constructor.name}: ${e.message}`,
        ),
      ),
    );
    expect(new Set(answers)).toEqual(new Set([`ValidationError: ${DIRECTORY_UNAVAILABLE}`]));
  });

  it("answers a directory that vanished after it was accepted in the same words", async () => {
    const { root } = await roots();
    const gone = path.join(root, "exports");
    const reader = createFileConnector(FileConfig.parse({ source: "directory", directory: gone }), directoryFiles(gone));
    await rm(gone, { recursive: true });
    await expect(reader.check()).rejects.toMatchObject({ kind: "config", message: DIRECTORY_UNAVAILABLE });
  });
});

describe("the two CSV readers", () => {
  it("store the same payload for a row, numbers printed as JavaScript prints them", async () => {
    const { withDuckDb } = await import("@/lib/duckdb/engine");
    const dir = await folder({
      "n.csv":
        "id,amount,big,flag,note\n1,100.00,12345678901234567,true, padded \n2,1e3,-0,false,x\n3,0.1,1.5e-7,maybe,\n4,2.50,abc,TRUE,y\n",
    });
    const stream = await streamOf(dir, "n.csv");
    const byJs = (await readAll(dir, stream)).records.map((r) => JSON.stringify(r));
    const byDuckDb = await withDuckDb(async (duck) => {
      const read = await connector(dir).readTabular!(stream, null, duck);
      try {
        return (await duck.runAndReadAll(`SELECT payload FROM ${read!.relation} ORDER BY rowid`))
          .getRowObjectsJS()
          .map((r) => String(r.payload));
      } finally {
        await read!.close();
      }
    });
    expect(byDuckDb).toEqual(byJs);
  });
});
