import { afterEach, describe, expect, it } from "vitest";
import { createSalesforceConnector, SalesforceConfig } from "@/lib/aam/connectors/salesforce";
import { ConnectorError, type Connector, type ReadBatch, type SourceStream, type StreamState } from "@/lib/aam/connectors/types";
import { UNREACHABLE_MESSAGE } from "@/lib/net/policy";
import { FakeSalesforce, type FakeField, type FakeObject, type FakeRecord } from "@/tests/support/fake-salesforce";
import { setOutboundAllow } from "@/tests/support/outbound-allow";

const SECRET = "s3cr3t-consumer-secret-5f1c";
const REFRESH_TOKEN = "5Aep861-refresh-token-9b2e";

const accountId = (n: number) => `001${String(n).padStart(12, "0")}AAA`;
const historyId = (n: number) => `017${String(n).padStart(12, "0")}AAA`;
/** A SystemModstamp as Salesforce writes it: minutes after 2024-01-01, `+0000` offset. */
const minute = (m: number) => new Date(Date.UTC(2024, 0, 1, 0, m)).toISOString().replace("Z", "+0000");
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

function accountFields(): FakeField[] {
  return [
    { name: "Id", type: "id", nillable: false },
    { name: "Name", type: "string", nillable: false },
    { name: "Industry", type: "picklist" },
    { name: "AnnualRevenue", type: "currency" },
    { name: "NumberOfEmployees", type: "int" },
    { name: "IsDeleted", type: "boolean", nillable: false },
    { name: "LastActivityDate", type: "date" },
    { name: "BillingAddress", type: "address" },
    { name: "BillingCity", type: "string" },
    { name: "CreatedDate", type: "datetime", nillable: false },
    { name: "SystemModstamp", type: "datetime", nillable: false },
  ];
}

function account(n: number, modstamp = minute(n)): FakeRecord {
  return {
    Id: accountId(n),
    Name: `Account ${n}`,
    Industry: n % 2 ? "Energy" : null,
    AnnualRevenue: n * 1000.5,
    NumberOfEmployees: n * 10,
    IsDeleted: false,
    LastActivityDate: "2024-02-01",
    BillingAddress: { city: "Lyon", country: "FR" },
    BillingCity: "Lyon",
    CreatedDate: minute(0),
    SystemModstamp: modstamp,
  };
}

/** An object without SystemModstamp: read in full every sync. */
function accountHistory(count: number): FakeObject {
  const fields: FakeField[] = [
    { name: "Id", type: "id", nillable: false },
    { name: "AccountId", type: "reference", nillable: false },
    { name: "Field", type: "picklist", nillable: false },
    { name: "CreatedDate", type: "datetime", nillable: false },
  ];
  const records = range(count).map((n) => ({ Id: historyId(n), AccountId: accountId(n), Field: "Name", CreatedDate: minute(n) }));
  return { fields, records };
}

let fake: FakeSalesforce;
let connector: Connector;

async function setup(options: { accounts?: number; pageSize?: number; clientSecret?: string; objects?: string[] } = {}) {
  fake = await FakeSalesforce.start({
    clientSecret: SECRET,
    refreshToken: REFRESH_TOKEN,
    pageSize: options.pageSize,
    objects: {
      Account: { fields: accountFields(), records: range(options.accounts ?? 25).map((n) => account(n)) },
      AccountHistory: accountHistory(12),
    },
  });
  const config = SalesforceConfig.parse({
    loginUrl: fake.url,
    clientId: "fake-client-id",
    clientSecret: options.clientSecret ?? SECRET,
    refreshToken: REFRESH_TOKEN,
    objects: options.objects ?? ["Account", "AccountHistory"],
  });
  connector = createSalesforceConnector(config);
}

afterEach(async () => {
  await connector?.close();
  await fake?.close();
});

async function streamNamed(name: string): Promise<SourceStream> {
  const { streams } = await connector.discover();
  const stream = streams.find((s) => s.name === name);
  if (!stream) throw new Error(`${name} was not discovered`);
  return stream;
}

/** Collects batches until the read ends or fails; `error` is what it threw, if anything. */
async function collect(stream: SourceStream, state: StreamState, batchSize = 1000, onBatch?: (batch: ReadBatch) => void) {
  const batches: ReadBatch[] = [];
  let error: unknown;
  try {
    for await (const batch of connector.read(stream, state, { batchSize })) {
      batches.push(batch);
      onBatch?.(batch);
    }
  } catch (caught) {
    error = caught;
  }
  const ids = batches.flatMap((b) => b.records.map((r) => r.Id));
  return { batches, ids, error, last: batches.at(-1)?.state ?? null };
}

describe("SalesforceConfig", () => {
  const credentials = { clientId: "fake-client-id", clientSecret: SECRET, refreshToken: REFRESH_TOKEN };
  const accepts = (loginUrl: string) => SalesforceConfig.safeParse({ ...credentials, loginUrl }).success;

  it("takes Salesforce's own https login hosts only", () => {
    setOutboundAllow("");
    for (const url of [
      "https://login.salesforce.com",
      "https://test.salesforce.com",
      "https://acme.my.salesforce.com",
      "https://acme--dev.sandbox.my.salesforce.com/",
    ])
      expect(accepts(url), url).toBe(true);
    for (const url of [
      "http://login.salesforce.com",
      "https://login.salesforce.com:8443",
      "https://example.com",
      "https://my.salesforce.com",
      "https://acme.my.salesforce.com.evil.example",
      "https://evilmy.salesforce.com",
      "http://127.0.0.1:8080",
      "http://localhost:3000",
      "http://[::1]:8080",
      "https://169.254.169.254",
    ]) {
      expect(accepts(url), url).toBe(false);
    }
    expect(SalesforceConfig.parse(credentials).loginUrl).toBe("https://login.salesforce.com");
  });

  it("takes a host AOS_OUTBOUND_ALLOW names, over http too", () => {
    setOutboundAllow("127.0.0.1,sf-proxy.internal");
    for (const url of ["http://127.0.0.1:8080", "https://sf-proxy.internal"]) expect(accepts(url), url).toBe(true);
    expect(accepts("http://localhost:3000")).toBe(false);
  });
});

describe("Salesforce connector", () => {
  it("check obtains an access token with the refresh token and calls the API", async () => {
    await setup();
    await connector.check();
    await connector.check();
    expect(fake.counts.token).toBe(1);
    expect(fake.counts.versions).toBe(2);
  });

  it("a refused client secret is an auth error that does not repeat the secrets", async () => {
    await setup({ clientSecret: "wrong-secret-7d41" });
    const error = await connector.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "auth", retriable: false });
    const message = (error as Error).message;
    expect(message).toContain("invalid client credentials");
    for (const secret of ["wrong-secret-7d41", SECRET, REFRESH_TOKEN]) expect(message).not.toContain(secret);
  });

  it("redacts the secret and refresh token when the token endpoint repeats them", async () => {
    await setup({ clientSecret: "wrong-secret-7d41" });
    fake.echoCredentialsOnRefusal = true;
    const error = await connector.check().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "auth" });
    const message = (error as Error).message;
    expect(message).toContain("[redacted]");
    for (const secret of ["wrong-secret-7d41", REFRESH_TOKEN]) expect(message).not.toContain(secret);
  });

  it("redacts the access token when an API error repeats it", async () => {
    await setup();
    await connector.check();
    fake.failNextRequest({ status: 400, errorCode: "MALFORMED_QUERY", message: "unexpected token", echoAccessToken: true });
    const error = await connector.check().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "source" });
    expect((error as Error).message).toContain("[redacted]");
    expect((error as Error).message).not.toContain(fake.lastAccessToken);
  });

  it("a token endpoint answering 503 is unreachable, and the next call signs in again", async () => {
    await setup();
    fake.failNextTokenRequest(503);
    await expect(connector.check()).rejects.toMatchObject({ kind: "unreachable", retriable: true });
    await connector.check();
    expect(fake.counts.token).toBe(2);
  });

  it("refuses an instance URL on plain http to another host, so the access token is never sent to it", async () => {
    await setup();
    fake.instanceUrl = "http://example.com";
    const error = await connector.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind: "source", message: expect.stringContaining("https") });
    expect(fake.counts.versions).toBe(0);
  });

  it("discover maps field types and nullability, leaves out compound fields, and reports unknown objects", async () => {
    await setup({ accounts: 120, objects: ["Account", "AccountHistory", "Nope__c"] });
    const { streams, problems } = await connector.discover();

    expect(problems).toEqual([{ stream: "Nope__c", message: expect.stringContaining("NOT_FOUND") }]);
    const account = streams.find((s) => s.name === "Account")!;
    expect(account.fields).toEqual([
      { name: "Id", type: "string", nullable: false, sourceType: "id" },
      { name: "Name", type: "string", nullable: false, sourceType: "string" },
      { name: "Industry", type: "string", nullable: true, sourceType: "picklist" },
      { name: "AnnualRevenue", type: "number", nullable: true, sourceType: "currency" },
      { name: "NumberOfEmployees", type: "integer", nullable: true, sourceType: "int" },
      { name: "IsDeleted", type: "boolean", nullable: false, sourceType: "boolean" },
      { name: "LastActivityDate", type: "date", nullable: true, sourceType: "date" },
      { name: "BillingCity", type: "string", nullable: true, sourceType: "string" },
      { name: "CreatedDate", type: "timestamp", nullable: false, sourceType: "datetime" },
      { name: "SystemModstamp", type: "timestamp", nullable: false, sourceType: "datetime" },
    ]);
    expect(account.primaryKey).toEqual(["Id"]);
    expect(account.cursorField).toBe("SystemModstamp");
    expect(account.sample).toHaveLength(100);
    expect(account.sample[0]).toEqual({
      Id: accountId(1),
      Name: "Account 1",
      Industry: "Energy",
      AnnualRevenue: 1000.5,
      NumberOfEmployees: 10,
      IsDeleted: false,
      LastActivityDate: "2024-02-01",
      BillingCity: "Lyon",
      CreatedDate: minute(0),
      SystemModstamp: minute(1),
    });
    expect(fake.queries.some((q) => q.includes("BillingAddress"))).toBe(false);

    const history = streams.find((s) => s.name === "AccountHistory")!;
    expect(history.cursorField).toBeNull();
    expect(history.fields.find((f) => f.name === "AccountId")).toEqual({
      name: "AccountId",
      type: "string",
      nullable: false,
      sourceType: "reference",
    });
  });

  it("reports an object Salesforce does not let be queried as a problem, without querying it", async () => {
    await setup({ objects: ["Account", "Secret__c"] });
    fake.objects.Secret__c = { fields: [{ name: "Id", type: "id", nillable: false }], records: [], queryable: false };
    const { streams, problems } = await connector.discover();
    expect(streams.map((s) => s.name)).toEqual(["Account"]);
    expect(problems).toEqual([{ stream: "Secret__c", message: "Secret__c cannot be queried." }]);
    expect(fake.queries.some((q) => q.includes("Secret__c"))).toBe(false);
  });

  it("follows nextRecordsUrl through every page", async () => {
    await setup({ accounts: 25, pageSize: 10 });
    const stream = await streamNamed("Account");
    const before = { ...fake.counts };

    const { batches, ids, error, last } = await collect(stream, null);

    expect(error).toBeUndefined();
    expect(batches.map((b) => b.records.length)).toEqual([10, 10, 5]);
    expect(ids).toEqual(range(25).map(accountId));
    expect(fake.counts.query - before.query).toBe(1);
    expect(fake.counts.queryMore - before.queryMore).toBe(2);
    expect(fake.queries.at(-1)).toMatch(/^SELECT Id, Name, .* FROM Account ORDER BY SystemModstamp, Id$/);
    expect(last).toEqual({ cursor: minute(25), lastId: accountId(25) });
    expect(batches[0].records[0]).not.toHaveProperty("attributes");
  });

  it("splits a page into batches of at most batchSize, each with its own position", async () => {
    await setup({ accounts: 12, pageSize: 10 });
    const { batches, ids } = await collect(await streamNamed("Account"), null, 4);
    expect(batches.map((b) => b.records.length)).toEqual([4, 4, 2, 2]);
    expect(batches.map((b) => b.state)).toEqual([4, 8, 10, 12].map((n) => ({ cursor: minute(n), lastId: accountId(n) })));
    expect(ids).toEqual(range(12).map(accountId));
  });

  it("renews an expired access token once, mid-read, and completes the read", async () => {
    await setup({ accounts: 25, pageSize: 10 });
    const stream = await streamNamed("Account");
    const tokensBefore = fake.counts.token;

    let expired = false;
    const { ids, error } = await collect(stream, null, 1000, () => {
      if (!expired) fake.expireAccessTokens();
      expired = true;
    });

    expect(error).toBeUndefined();
    expect(ids).toEqual(range(25).map(accountId));
    expect(fake.counts.invalidSession).toBe(1);
    expect(fake.counts.token - tokensBefore).toBe(1);
  });

  it("a refused refresh mid-read is an auth error", async () => {
    await setup({ accounts: 25, pageSize: 10 });
    const stream = await streamNamed("Account");
    const { ids, error } = await collect(stream, null, 1000, () => {
      fake.expireAccessTokens();
      fake.revokeRefreshToken();
    });
    expect(ids).toHaveLength(10);
    expect(error).toMatchObject({ kind: "auth" });
    expect((error as Error).message).toContain("expired access/refresh token");
    expect((error as Error).message).not.toContain(REFRESH_TOKEN);
  });

  it("an incremental read from the last state yields exactly the changed and new records", async () => {
    await setup({ accounts: 10, pageSize: 4 });
    const stream = await streamNamed("Account");
    const full = await collect(stream, null);
    expect(full.ids).toHaveLength(10);

    const records = fake.objects.Account.records;
    Object.assign(records[6], { Name: "Renamed 7", SystemModstamp: minute(100) });
    Object.assign(records[2], { Name: "Renamed 3", SystemModstamp: minute(100) });
    records.push(account(11, minute(101)));

    const next = await collect(stream, full.last);
    expect(next.ids).toEqual([accountId(3), accountId(7), accountId(11)]);
    expect(next.batches.flatMap((b) => b.records.map((r) => r.Name))).toEqual(["Renamed 3", "Renamed 7", "Account 11"]);
    expect(next.last).toEqual({ cursor: minute(101), lastId: accountId(11) });

    const idle = await collect(stream, next.last);
    expect(idle.batches).toEqual([]);
  });

  it("a read whose connection drops resumes from the last yielded state with nothing repeated or lost", async () => {
    await setup({ accounts: 25, pageSize: 10 });
    const stream = await streamNamed("Account");
    fake.dropConnectionOnQueryMore(2);

    const first = await collect(stream, null);
    expect(first.error).toBeInstanceOf(ConnectorError);
    expect(first.error).toMatchObject({ kind: "unreachable", retriable: true });
    expect(first.ids).toHaveLength(20);

    const rest = await collect(stream, first.last);
    expect(rest.error).toBeUndefined();
    expect(rest.ids).toHaveLength(5);
    expect([...first.ids, ...rest.ids]).toEqual(range(25).map(accountId));
  });

  it("does not skip a record sharing the cursor's SystemModstamp with a higher Id", async () => {
    await setup({ accounts: 0 });
    fake.objects.Account.records.push(
      account(1, minute(5)),
      account(2, minute(5)),
      account(3, minute(5)),
      account(4, minute(6)),
      account(5, minute(4)),
    );
    const { ids } = await collect(await streamNamed("Account"), { cursor: minute(5), lastId: accountId(2) });
    expect(ids).toEqual([accountId(3), accountId(4)]);
    expect(fake.queries.at(-1)).toContain(
      `WHERE SystemModstamp > 2024-01-01T00:05:00Z OR (SystemModstamp = 2024-01-01T00:05:00Z AND Id > '${accountId(2)}') ORDER BY SystemModstamp, Id`,
    );
  });

  it("escapes quotes and backslashes in the saved Id, so it cannot change the query", async () => {
    await setup();
    const history = await streamNamed("AccountHistory");
    const hostile = "zzz\\' OR Id != '";

    const { ids, last, error } = await collect(history, { lastId: hostile });

    expect(error).toBeUndefined();
    expect(ids).toEqual([]);
    expect(last).toBeNull();
    expect(fake.queries.at(-1)).toContain(`WHERE Id > 'zzz\\\\\\' OR Id != \\'' ORDER BY Id`);

    const account = await streamNamed("Account");
    const incremental = await collect(account, { cursor: minute(1), lastId: "zzz' OR Name != '" });
    expect(incremental.error).toBeUndefined();
    expect(incremental.ids).toEqual(range(25).slice(1).map(accountId));
  });

  it("refuses a saved cursor that is not a date and time, without querying", async () => {
    await setup();
    const stream = await streamNamed("Account");
    const queries = fake.counts.query;
    const { error } = await collect(stream, { cursor: "2024-01-01T00:00:00Z OR Id != null", lastId: accountId(1) });
    expect(error).toMatchObject({ kind: "config" });
    expect(fake.counts.query).toBe(queries);
  });

  it("reads an object without SystemModstamp in Id order and ends with a null state", async () => {
    await setup({ pageSize: 5 });
    const { batches, ids } = await collect(await streamNamed("AccountHistory"), null);
    expect(ids).toEqual(range(12).map(historyId));
    expect(batches.map((b) => b.state)).toEqual([{ lastId: historyId(5) }, { lastId: historyId(10) }, { lastId: historyId(12) }, null]);
    expect(fake.queries.at(-1)).toBe("SELECT Id, AccountId, Field, CreatedDate FROM AccountHistory ORDER BY Id");
  });

  it("maps API limits to a retriable error and Salesforce's refusals to source errors", async () => {
    await setup();
    fake.failNextRequest({ status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded." });
    await expect(connector.check()).rejects.toMatchObject({ kind: "unreachable", retriable: true });

    const stream = await streamNamed("Account");
    fake.objects.Account.fields = fake.objects.Account.fields.filter((f) => f.name !== "Industry");
    const { error } = await collect(stream, null);
    expect(error).toMatchObject({ kind: "source", message: expect.stringContaining("INVALID_FIELD") });
  });

  it("refuses a login URL on loopback without the allow-list, even from a stored config, before sending anything", async () => {
    await setup();
    setOutboundAllow("");
    const stored = createSalesforceConnector({
      loginUrl: fake.url,
      clientId: "fake-client-id",
      clientSecret: SECRET,
      refreshToken: REFRESH_TOKEN,
      apiVersion: "62.0",
      objects: ["Account"],
    });
    await expect(stored.check()).rejects.toMatchObject({ kind: "config" });
    await stored.close();
    expect(fake.counts.token).toBe(0);
  });

  it("does not follow a login redirect to loopback", async () => {
    await setup();
    const inside = await FakeSalesforce.start({ clientSecret: SECRET, refreshToken: REFRESH_TOKEN });
    try {
      fake.redirectTokenTo = `${inside.url}/services/oauth2/token`;
      const error = await connector.check().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: "source", message: expect.stringContaining("redirect") });
      expect(inside.counts.token).toBe(0);
    } finally {
      await inside.close();
    }
  });

  it("refuses an https instance URL outside Salesforce, so the access token is never sent there", async () => {
    await setup();
    fake.instanceUrl = "https://attacker.example";
    await expect(connector.check()).rejects.toMatchObject({ kind: "source", message: expect.stringContaining("my.salesforce.com") });
    expect(fake.counts.versions).toBe(0);
  });

  it("answers a closed port with the words every unreachable source gets", async () => {
    await setup();
    await fake.close();
    await expect(connector.check()).rejects.toMatchObject({ kind: "unreachable", message: UNREACHABLE_MESSAGE });
  });

  it("keeps fields named constructor and prototype as data", async () => {
    fake = await FakeSalesforce.start({
      clientSecret: SECRET,
      refreshToken: REFRESH_TOKEN,
      objects: {
        Thing: {
          fields: [
            { name: "Id", type: "id", nillable: false },
            { name: "constructor", type: "string" },
            { name: "prototype", type: "string" },
          ],
          records: [{ Id: accountId(1), constructor: "c", prototype: "p" }],
        },
      },
    });
    connector = createSalesforceConnector(
      SalesforceConfig.parse({
        loginUrl: fake.url,
        clientId: "fake-client-id",
        clientSecret: SECRET,
        refreshToken: REFRESH_TOKEN,
        objects: ["Thing"],
      }),
    );
    const stream = await streamNamed("Thing");
    const { batches } = await collect(stream, null);
    for (const record of [stream.sample[0]!, batches[0]!.records[0]!])
      expect(JSON.parse(JSON.stringify(record))).toEqual({ Id: accountId(1), constructor: "c", prototype: "p" });
  });

  it("stops when the read's signal aborts", async () => {
    await setup({ accounts: 25, pageSize: 10 });
    const stream = await streamNamed("Account");
    const controller = new AbortController();
    const seen: number[] = [];
    const read = (async () => {
      for await (const batch of connector.read(stream, null, { batchSize: 100, signal: controller.signal })) {
        seen.push(batch.records.length);
        controller.abort(new Error("sync cancelled"));
      }
    })();
    await expect(read).rejects.toThrow("sync cancelled");
    expect(seen).toEqual([10]);
  });
});
