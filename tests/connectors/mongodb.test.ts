import net from "node:net";
import { Decimal128, Long, ObjectId, type Document } from "mongodb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createMongoConnector, MongoConfig } from "@/lib/aam/connectors/mongodb";
import {
  ConnectorError,
  SAMPLE_SIZE,
  type Connector,
  type ReadBatch,
  type SourceStream,
  type StreamState,
} from "@/lib/aam/connectors/types";
import { log } from "@/lib/log";
import { UNREACHABLE_MESSAGE } from "@/lib/net/policy";
import { startFakeMongo, type FakeMongo } from "@/tests/support/fake-mongodb";
import { setOutboundAllow } from "@/tests/support/outbound-allow";
import { encodeOpMsg, MessageFramer, type WireMessage } from "@/tests/support/fake-mongodb-wire";

const open: { connectors: Connector[]; fakes: FakeMongo[] } = { connectors: [], fakes: [] };

afterEach(async () => {
  await Promise.all(open.connectors.splice(0).map((c) => c.close()));
  await Promise.all(open.fakes.splice(0).map((f) => f.close()));
});

async function fakeWith(collections: Record<string, Document[]>, options?: Parameters<typeof startFakeMongo>[1]) {
  const fake = await startFakeMongo(collections, options);
  open.fakes.push(fake);
  return fake;
}

function connect(url: string, settings: Partial<MongoConfig> = {}): Connector {
  const connector = createMongoConnector(MongoConfig.parse({ url, database: "app", ...settings }));
  open.connectors.push(connector);
  return connector;
}

const streamOf = (name: string): SourceStream => ({ name, fields: [], primaryKey: ["_id"], cursorField: "_id", sample: [] });

/** Reads until the end or a failure; the batches that arrived before a failure are kept, as a sync commits them. */
async function readAll(connector: Connector, name: string, state: StreamState, batchSize: number) {
  const batches: ReadBatch[] = [];
  try {
    for await (const batch of connector.read(streamOf(name), state, { batchSize })) batches.push(batch);
    return { batches, error: null };
  } catch (error) {
    return { batches, error };
  }
}

/** Stream state goes through the database as JSON between syncs. */
const stored = (state: StreamState): StreamState => JSON.parse(JSON.stringify(state));
const idsOf = (batches: ReadBatch[]) => batches.flatMap((b) => b.records.map((r) => r._id));
const numbered = (count: number) => Array.from({ length: count }, (_, i) => ({ _id: i + 1, n: i + 1 }));

async function failureOf(promise: Promise<unknown>): Promise<ConnectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConnectorError);
  return error as ConnectorError;
}

describe("MongoConfig", () => {
  it("accepts mongodb URLs only and defaults the sample size", () => {
    expect(MongoConfig.parse({ url: "mongodb+srv://cluster0.example.net", database: "app" }).sampleSize).toBe(100);
    expect(MongoConfig.safeParse({ url: "postgres://localhost/app", database: "app" }).success).toBe(false);
    expect(MongoConfig.safeParse({ url: "mongodb://localhost", database: "a.b" }).success).toBe(false);
    expect(MongoConfig.safeParse({ url: "mongodb://localhost", database: "app", sampleSize: 1001 }).success).toBe(false);
    expect(MongoConfig.safeParse({ url: "mongodb://localhost", database: "app", sampleSize: SAMPLE_SIZE + 1 }).success).toBe(false);
  });
});

describe("check", () => {
  it("pings the server", async () => {
    const fake = await fakeWith({});
    await connect(fake.url).check();
    expect(fake.count("ping")).toBe(1);
  });

  it("reports a closed port as unreachable, in the words every unreachable source gets", async () => {
    const fake = await fakeWith({});
    const url = fake.url;
    await fake.close();
    const error = await failureOf(connect(url).check());
    expect(error.kind).toBe("unreachable");
    expect(error.retriable).toBe(true);
    expect(error.message).toBe(UNREACHABLE_MESSAGE);
  });

  it("reports rejected credentials as auth, without the password", async () => {
    const fake = await fakeWith({});
    const error = await failureOf(connect(fake.url.replace("//", "//bob:hunter2@")).check());
    expect(error.kind).toBe("auth");
    expect(error.message).not.toContain("hunter2");
  });

  it("reports an unusable URL as config, without the password", async () => {
    const parsed = MongoConfig.safeParse({ url: "mongodb://bob:hunter2@127.0.0.1:1/?authMechanism=BOGUS", database: "app" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).not.toContain("hunter2");
    const error = await failureOf(unchecked("mongodb://bob:hunter2@127.0.0.1:1/?authMechanism=BOGUS").check());
    expect(error.kind).toBe("config");
    expect(error.message).not.toContain("hunter2");
  });
});

/** A connector built from a config that skipped validation, as one stored before a rule existed would be. */
function unchecked(url: string): Connector {
  const connector = createMongoConnector({ url, database: "app", sampleSize: SAMPLE_SIZE });
  open.connectors.push(connector);
  return connector;
}

describe("what a tenant's URL may reach", () => {
  it("refuses a server on loopback unless allow-listed, before a byte reaches it, as if the port were closed", async () => {
    const fake = await fakeWith({});
    setOutboundAllow("");
    for (const url of [
      fake.url,
      `mongodb://localhost:${fake.port}`,
      `mongodb://[::ffff:127.0.0.1]:${fake.port}`,
      "mongodb://169.254.169.254:27017",
    ]) {
      const error = await failureOf(connect(url, {}).check());
      expect(error, url).toMatchObject({ kind: "unreachable", message: UNREACHABLE_MESSAGE });
    }
    expect(fake.commands).toEqual([]);
  }, 60_000);

  it("checks the replica set members a server names, not only the URL's host", async () => {
    const member = net.createServer((socket) => socket.destroy());
    let memberConnections = 0;
    member.on("connection", () => memberConnections++);
    await new Promise<void>((resolve) => member.listen(0, "127.0.0.2", resolve));
    try {
      const fake = await fakeWith({ people: [{ _id: 1 }] });
      fake.otherMembers = [`127.0.0.2:${(member.address() as net.AddressInfo).port}`];
      const refused = vi.spyOn(log, "warn");
      const connector = connect(fake.url);
      await connector.check();
      await connector.discover();
      // The driver dials a member it learns of at once; wait until the policy has refused that dial.
      await vi.waitFor(
        () => expect(refused).toHaveBeenCalledWith("outbound connection refused", expect.objectContaining({ host: "127.0.0.2" })),
        { timeout: 10_000 },
      );
      refused.mockRestore();
      expect(memberConnections).toBe(0);
    } finally {
      member.close();
    }
  });

  it("refuses options that read server files or the server's identity, Unix sockets and unknown options", () => {
    const problem = (url: string) => {
      const parsed = MongoConfig.safeParse({ url, database: "app" });
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(problem("mongodb://attacker.example/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:k8s")).toMatch(
      /MONGODB-OIDC is not allowed/,
    );
    expect(problem("mongodb://attacker.example/?authMechanismProperties=ENVIRONMENT:k8s")).toMatch(
      /authMechanismProperties is not allowed/,
    );
    for (const mechanism of ["MONGODB-AWS", "GSSAPI", "MONGODB-X509", "mongodb-oidc"])
      expect(problem(`mongodb://u@db.example/?authMechanism=${mechanism}`), mechanism).toMatch(/is not allowed/);
    for (const option of ["tlsCAFile", "tlsCertificateKeyFile", "TLSCAFILE", "tlsCRLFile"])
      expect(problem(`mongodb://db.example/?tls=true&${option}=/etc/passwd`), option).toMatch(/names a file on the server/);
    expect(problem("mongodb://%2Ftmp%2Fmongodb-27017.sock")).toMatch(/Unix sockets/);
    expect(problem("mongodb://db.example/?proxyHost=127.0.0.1")).toMatch(/not supported/);
    expect(problem("mongodb://db.example/?compressors=snappy")).toMatch(/zlib or none/);
    // The connector reads sequentially: a URL may not make the server hold a pool of sockets.
    for (const option of ["minPoolSize=500", "maxPoolSize=1000", "maxConnecting=100"])
      expect(problem(`mongodb://db.example/?${option}`), option).not.toBeNull();
    expect(problem("mongodb://db.example:99999")).toMatch(/port/);
    expect(problem("mongodb+srv://cluster0.example.net:27017")).toMatch(/no port/);
    expect(problem("mongodb+srv://u:p%40ss@cluster0.example.net/app?retryWrites=true&w=majority&appName=Cluster0")).toBeNull();
    expect(
      problem("mongodb://a.example:27017,b.example:27018/?replicaSet=rs0&authSource=admin&authMechanism=SCRAM-SHA-256&tls=true"),
    ).toBeNull();
  });

  it("does not connect with a refused option even when the stored config skipped validation", async () => {
    const fake = await fakeWith({});
    const error = await failureOf(unchecked(`${fake.url}/?authMechanism=MONGODB-OIDC&authMechanismProperties=ENVIRONMENT:k8s`).check());
    expect(error).toMatchObject({ kind: "config", message: expect.stringMatching(/MONGODB-OIDC is not allowed/) });
    expect(fake.commands).toEqual([]);
  });

  it("keeps fields named __proto__, constructor and prototype as data, nested ones too", async () => {
    const document = JSON.parse('{"_id": 1, "__proto__": {"polluted": true}, "constructor": "c", "prototype": {"__proto__": "nested"}}');
    const fake = await fakeWith({ protos: [document] });
    const connector = connect(fake.url);
    const { streams } = await connector.discover();
    expect(streams[0]!.fields.map((f) => f.name)).toEqual(["_id", "__proto__.polluted", "constructor", "prototype.__proto__"]);
    const { batches } = await readAll(connector, "protos", null, 10);
    for (const record of [streams[0]!.sample[0]!, batches[0]!.records[0]!]) {
      expect(JSON.parse(JSON.stringify(record))).toEqual(
        JSON.parse('{"_id": 1, "__proto__.polluted": true, "constructor": "c", "prototype.__proto__": "nested"}'),
      );
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe("discover", () => {
  const oid = new ObjectId();
  const createdAt = new Date("2024-05-06T07:08:09.123Z");
  const people = [
    {
      _id: oid,
      name: "Ada",
      address: { city: "London", geo: { lat: 51.5 } },
      tags: ["a", "b"],
      createdAt,
      price: Decimal128.fromString("12.50"),
      big: Long.fromString("9007199254740993"),
    },
    {
      _id: new ObjectId(),
      name: "Grace",
      address: { city: "Arlington", geo: { lat: 38.9 } },
      tags: [],
      createdAt,
      price: Decimal128.fromString("0.1"),
      big: Long.fromNumber(7),
    },
  ];

  it("flattens nested documents, converts BSON values and infers types", async () => {
    const fake = await fakeWith({ people, "system.profile": [{ _id: 1 }] }, { views: ["people_view"] });
    const { streams, problems } = await connect(fake.url).discover();
    expect(problems).toEqual([]);
    expect(streams.map((s) => s.name)).toEqual(["people"]);
    const [stream] = streams;
    expect(stream).toMatchObject({ primaryKey: ["_id"], cursorField: "_id" });
    const types = Object.fromEntries(stream.fields.map((f) => [f.name, f.type]));
    expect(types).toEqual({
      _id: "string",
      name: "string",
      "address.city": "string",
      "address.geo.lat": "number",
      tags: "json",
      createdAt: "timestamp",
      price: "number",
      big: "string",
    });
    expect(stream.sample[0]).toMatchObject({
      _id: oid.toHexString(),
      createdAt: "2024-05-06T07:08:09.123Z",
      tags: ["a", "b"],
      price: 12.5,
      big: "9007199254740993",
    });
    expect(stream.sample[1]).toMatchObject({ price: 0.1, big: 7 });
  });

  it("converts BSON numbers the same way whatever decoding options the URL asks for", async () => {
    const fake = await fakeWith({ people });
    const { streams } = await connect(`${fake.url}/?useBigInt64=true&promoteValues=false`).discover();
    expect(streams[0].sample[0]).toMatchObject({ "address.geo.lat": 51.5, big: "9007199254740993" });
    expect(streams[0].sample[1]).toMatchObject({ big: 7 });
  });

  it("keeps Decimal128 values a double cannot hold as text", async () => {
    const fake = await fakeWith({ money: [{ _id: 1, amount: Decimal128.fromString("12345678901234567890.123") }] });
    const { streams } = await connect(fake.url).discover();
    expect(streams[0].sample[0].amount).toBe("12345678901234567890.123");
  });

  it("samples at most sampleSize documents per collection", async () => {
    const fake = await fakeWith({ numbers: numbered(30) });
    const { streams } = await connect(fake.url, { sampleSize: 7 }).discover();
    expect(streams[0].sample).toHaveLength(7);
  });

  it("reports a collection it cannot sample, or that is missing, as a problem and discovers the rest", async () => {
    const fake = await fakeWith({ people, secrets: [{ _id: 1 }] });
    fake.unreadable.add("secrets");
    const { streams, problems } = await connect(fake.url, { collections: ["people", "secrets", "ghosts"] }).discover();
    expect(streams.map((s) => s.name)).toEqual(["people"]);
    expect(problems.map((p) => p.stream)).toEqual(["secrets", "ghosts"]);
  });

  it("reports a view named in collections as a problem, without reading it", async () => {
    const fake = await fakeWith({ people }, { views: ["people_view"] });
    const { streams, problems } = await connect(fake.url, { collections: ["people", "people_view"] }).discover();
    expect(streams.map((s) => s.name)).toEqual(["people"]);
    expect(problems).toEqual([{ stream: "people_view", message: "This is a view; only collections are read." }]);
    expect(fake.commands.some((c) => c.name === "find" && c.command.find === "people_view")).toBe(false);
  });

  it("survives hostile collection and field names", async () => {
    const name = `we"ird 'coll' ✓ ünï`;
    const fake = await fakeWith({ [name]: [{ _id: "a'b", $price: 1, '"quoted"': "x", ключ: true, "o'k": { $inner: "😀" } }] });
    const { streams, problems } = await connect(fake.url).discover();
    expect(problems).toEqual([]);
    expect(streams[0].name).toBe(name);
    expect(streams[0].fields.map((f) => f.name)).toEqual(["_id", "$price", '"quoted"', "ключ", "o'k.$inner"]);
    expect(streams[0].sample[0]["o'k.$inner"]).toBe("😀");
  });
});

describe("read", () => {
  it("pages through the collection with getMore, one batch per batchSize documents", async () => {
    const ids = Array.from({ length: 25 }, () => new ObjectId());
    const fake = await fakeWith({ events: ids.map((_id, i) => ({ _id, i, detail: { kind: "click" } })) });
    const { batches, error } = await readAll(connect(fake.url), "events", null, 10);
    expect(error).toBeNull();
    expect(batches.map((b) => b.records.length)).toEqual([10, 10, 5]);
    expect(idsOf(batches)).toEqual(ids.map((id) => id.toHexString()));
    expect(batches[0].records[0]).toMatchObject({ i: 0, "detail.kind": "click" });
    expect(batches[0].state).toEqual({ lastId: { $oid: ids[9].toHexString() } });
    expect(fake.count("getMore")).toBe(2);
  });

  it("reads only documents added since the last state", async () => {
    const events = Array.from({ length: 12 }, () => ({ _id: new ObjectId() }));
    const fake = await fakeWith({ events });
    const connector = connect(fake.url);
    const first = await readAll(connector, "events", null, 5);
    const state = stored(first.batches.at(-1)!.state);

    const added = Array.from({ length: 3 }, () => ({ _id: new ObjectId() }));
    fake.collections.events.push(...added);
    const next = await readAll(connector, "events", state, 5);
    expect(idsOf(next.batches)).toEqual(added.map((d) => d._id.toHexString()));

    const idle = await readAll(connector, "events", stored(next.batches.at(-1)!.state), 5);
    expect(idle.batches).toEqual([]);
  });

  it("resumes after a dropped connection from the last batch, losing and repeating nothing", async () => {
    const fake = await fakeWith({ orders: numbered(25) });
    const connector = connect(fake.url);
    fake.dropAfterGetMores = 1;
    const broken = await readAll(connector, "orders", null, 10);
    expect(broken.error).toBeInstanceOf(ConnectorError);
    expect((broken.error as ConnectorError).kind).toBe("unreachable");
    expect(broken.batches).toHaveLength(2);
    expect(broken.batches[1].state).toEqual({ lastId: 20 });

    const resumed = await readAll(connector, "orders", stored(broken.batches[1].state), 10);
    expect(resumed.error).toBeNull();
    const ids = [...idsOf(broken.batches), ...idsOf(resumed.batches)];
    expect(ids).toEqual(numbered(25).map((d) => d._id));
  });

  it("round-trips string ids, compared in MongoDB's binary order", async () => {
    const fake = await fakeWith({ tags: ["b", "a'b", "ü", "$x", "Z"].map((_id) => ({ _id })) });
    const connector = connect(fake.url);
    const first = await readAll(connector, "tags", null, 2);
    const rest = await readAll(connector, "tags", stored(first.batches[0].state), 2);
    expect(idsOf(first.batches)).toEqual(["$x", "Z", "a'b", "b", "ü"]);
    expect(idsOf(rest.batches)).toEqual(["a'b", "b", "ü"]);
  });

  it("resumes across _ids of different BSON types in MongoDB's type order", async () => {
    const oid = new ObjectId();
    const fake = await fakeWith({ mixed: [{ _id: oid }, { _id: "b" }, { _id: 2 }, { _id: "a" }, { _id: 1 }] });
    const connector = connect(fake.url);
    const first = await readAll(connector, "mixed", null, 2);
    expect(idsOf(first.batches)).toEqual([1, 2, "a", "b", oid.toHexString()]);
    const afterNumbers = await readAll(connector, "mixed", stored(first.batches[0].state), 2);
    expect(idsOf(afterNumbers.batches)).toEqual(["a", "b", oid.toHexString()]);
  });

  it("stops with the abort reason when the sync is cancelled", async () => {
    const fake = await fakeWith({ orders: numbered(25) });
    const controller = new AbortController();
    const reason = new Error("cancelled");
    const seen: ReadBatch[] = [];
    const reading = (async () => {
      for await (const batch of connect(fake.url).read(streamOf("orders"), null, { batchSize: 10, signal: controller.signal })) {
        seen.push(batch);
        controller.abort(reason);
      }
    })();
    await expect(reading).rejects.toBe(reason);
    expect(seen).toHaveLength(1);
  });
});

describe("fake server framing", () => {
  it("answers messages that share a chunk or are split across chunks, with document sequences and checksums", async () => {
    const fake = await fakeWith({});
    const socket = net.connect(fake.port, "127.0.0.1");
    const framer = new MessageFramer();
    const replies: WireMessage[] = [];
    const bothAnswered = new Promise<void>((resolve) => {
      socket.on("data", (chunk: Buffer) => {
        replies.push(...framer.push(chunk));
        if (replies.length === 2) resolve();
      });
    });
    const plain = encodeOpMsg(0, { ping: 1, $db: "admin" });
    const fancy = encodeOpMsg(0, { ping: 1, $db: "app" }, { sequences: { documents: [{ a: 1 }, { b: 2 }] }, checksum: true });
    const bytes = Buffer.concat([plain, fancy]);
    for (const [start, end] of [
      [0, 7],
      [7, plain.length + 9],
      [plain.length + 9, bytes.length],
    ]) {
      socket.write(bytes.subarray(start, end));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await bothAnswered;
    socket.destroy();
    expect(replies.map((r) => [r.responseTo, r.command.ok])).toEqual([
      [plain.readInt32LE(4), 1],
      [fancy.readInt32LE(4), 1],
    ]);
    expect(fake.commands.at(-1)).toMatchObject({ db: "app", command: { documents: [{ a: 1 }, { b: 2 }] } });
  });
});
