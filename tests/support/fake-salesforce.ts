import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeValue = string | number | boolean | null | { [key: string]: FakeValue };
export type FakeRecord = Record<string, FakeValue>;
/** `type` is Salesforce's field type name: id, string, int, double, currency, boolean, date, datetime, address ... */
export type FakeField = { name: string; type: string; nillable?: boolean; label?: string };
/** Fields and records are plain data: tests change them between calls (new records, drifted fields). */
export type FakeObject = { fields: FakeField[]; records: FakeRecord[]; queryable?: boolean };

type Credentials = { clientId: string; clientSecret: string; refreshToken: string };
/** `echoAccessToken` appends the request's access token to the message, as a careless proxy might. */
type Injected = { status: number; errorCode: string; message: string; echoAccessToken?: boolean };
type Answer = { status: number; body: unknown };

/** An answer in Salesforce's REST error shape: `[{ message, errorCode }]`. */
class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A local server answering like Salesforce's OAuth token endpoint and REST data API: Resources by
 * Version, sObject describe, and SOQL query with `nextRecordsUrl` paging. The SOQL it understands
 * is what the connector sends: SELECT fields FROM object [WHERE comparisons joined by AND / OR,
 * parentheses] [ORDER BY fields [ASC|DESC]] [LIMIT n]. The token answer names the server itself
 * as `instance_url`, unless `instanceUrl` is set.
 */
export class FakeSalesforce {
  objects: Record<string, FakeObject>;
  pageSize = 2000;
  credentials: Credentials;
  readonly counts = { token: 0, versions: 0, describe: 0, query: 0, queryMore: 0, invalidSession: 0 };
  /** Every SOQL text received, in order. */
  readonly queries: string[] = [];
  url = "";
  /** The `instance_url` of token answers; this server's own URL when empty. */
  instanceUrl = "";
  /** The access token issued last. */
  lastAccessToken = "";
  /** Token refusals repeat the client_secret and refresh_token received, in `error_description`. */
  echoCredentialsOnRefusal = false;
  /** When set, token requests are answered with a 307 redirect to this URL. */
  redirectTokenTo = "";

  private server = http.createServer((req, res) => void this.handle(req, res));
  private tokens = new Set<string>();
  private cursors = new Map<string, { object: string; records: FakeRecord[] }>();
  private nextCursor = 1;
  private dropOnQueryMore = 0;
  private injected: Injected | null = null;
  private injectedTokenStatus: number | null = null;

  private constructor(objects: Record<string, FakeObject>, credentials: Credentials) {
    this.objects = objects;
    this.credentials = credentials;
  }

  static async start(options: { objects?: Record<string, FakeObject>; pageSize?: number } & Partial<Credentials> = {}) {
    const fake = new FakeSalesforce(options.objects ?? {}, {
      clientId: options.clientId ?? "fake-client-id",
      clientSecret: options.clientSecret ?? "fake-client-secret",
      refreshToken: options.refreshToken ?? "fake-refresh-token",
    });
    if (options.pageSize) fake.pageSize = options.pageSize;
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  /** Every access token issued so far answers 401 INVALID_SESSION_ID from now on. */
  expireAccessTokens() {
    this.tokens.clear();
  }

  /** The token endpoint refuses the current refresh token (invalid_grant) from now on. */
  revokeRefreshToken() {
    this.credentials.refreshToken = `revoked-${randomBytes(4).toString("hex")}`;
  }

  /** The `n`th query-locator request from now (1 = the next one) gets its socket destroyed, once. */
  dropConnectionOnQueryMore(n: number) {
    this.dropOnQueryMore = n;
  }

  /** The next authenticated data request answers this error instead, once. */
  failNextRequest(error: Injected) {
    this.injected = error;
  }

  /** The next token request answers this HTTP status without an OAuth error body, once. */
  failNextTokenRequest(status: number) {
    this.injectedTokenStatus = status;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", this.url);
    if (this.redirectTokenTo && url.pathname === "/services/oauth2/token")
      return void res.writeHead(307, { location: this.redirectTokenTo }).end();
    try {
      const answer =
        req.method === "POST" && url.pathname === "/services/oauth2/token"
          ? this.token(Buffer.concat(chunks).toString("utf8"))
          : this.data(req, url);
      if (answer === null) return req.socket.destroy();
      send(res, answer.status, answer.body);
    } catch (error) {
      const { status, errorCode } = error instanceof ApiError ? error : { status: 500, errorCode: "UNKNOWN_EXCEPTION" };
      send(res, status, [{ message: (error as Error).message, errorCode }]);
    }
  }

  private token(form: string): Answer {
    this.counts.token++;
    if (this.injectedTokenStatus !== null) {
      const status = this.injectedTokenStatus;
      this.injectedTokenStatus = null;
      return { status, body: null };
    }
    const params = new URLSearchParams(form);
    const echo = this.echoCredentialsOnRefusal
      ? ` (received client_secret=${params.get("client_secret")}, refresh_token=${params.get("refresh_token")})`
      : "";
    const refuse = (error: string, description: string) => ({ status: 400, body: { error, error_description: description + echo } });
    if (params.get("grant_type") !== "refresh_token") return refuse("unsupported_grant_type", "grant type not supported");
    if (params.get("client_id") !== this.credentials.clientId) return refuse("invalid_client_id", "client identifier invalid");
    if (params.get("client_secret") !== this.credentials.clientSecret) return refuse("invalid_client", "invalid client credentials");
    if (params.get("refresh_token") !== this.credentials.refreshToken) return refuse("invalid_grant", "expired access/refresh token");
    const accessToken = `00DFAKE000000001!${randomBytes(24).toString("base64url")}`;
    this.tokens.add(accessToken);
    this.lastAccessToken = accessToken;
    return {
      status: 200,
      body: {
        access_token: accessToken,
        instance_url: this.instanceUrl || this.url,
        id: `${this.url}/id/00DFAKE000000001AAA/005FAKE000000001AAA`,
        token_type: "Bearer",
        issued_at: String(Date.now()),
        signature: randomBytes(32).toString("base64"),
      },
    };
  }

  /** null means: destroy the socket without answering. */
  private data(req: http.IncomingMessage, url: URL): Answer | null {
    const route = /^\/services\/data\/(v\d+\.\d)(\/.*)?$/.exec(url.pathname);
    if (!route || req.method !== "GET") throw new ApiError(404, "NOT_FOUND", "The requested resource does not exist");
    const token = /^(?:Bearer|OAuth) (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token || !this.tokens.has(token)) {
      this.counts.invalidSession++;
      throw new ApiError(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }
    if (this.injected) {
      const { status, errorCode, message, echoAccessToken } = this.injected;
      this.injected = null;
      throw new ApiError(status, errorCode, echoAccessToken ? `${message} (session ${token})` : message);
    }
    const [version, rest = "/"] = [route[1], route[2]];
    const base = `/services/data/${version}`;
    if (rest === "/" || rest === "") {
      this.counts.versions++;
      return {
        status: 200,
        body: Object.fromEntries(["sobjects", "query", "queryAll", "limits", "search"].map((name) => [name, `${base}/${name}`])),
      };
    }
    const describe = /^\/sobjects\/([^/]+)\/describe\/?$/.exec(rest);
    if (describe) {
      this.counts.describe++;
      const [name, object] = this.object(describe[1], 404, "NOT_FOUND", "The requested resource does not exist");
      const fields = object.fields.map((f) => ({
        name: f.name,
        label: f.label ?? f.name,
        type: f.type,
        nillable: f.nillable ?? true,
        filterable: true,
        sortable: true,
      }));
      return { status: 200, body: { name, label: name, queryable: object.queryable ?? true, custom: name.endsWith("__c"), fields } };
    }
    if (rest === "/query" || rest === "/query/") {
      this.counts.query++;
      const soql = url.searchParams.get("q") ?? "";
      this.queries.push(soql);
      return { status: 200, body: this.runQuery(soql, base) };
    }
    const locator = /^\/query\/(01g\w+)-(\d+)$/.exec(rest);
    if (locator) {
      this.counts.queryMore++;
      if (this.dropOnQueryMore > 0 && --this.dropOnQueryMore === 0) return null;
      const cursor = this.cursors.get(locator[1]);
      if (!cursor) throw new ApiError(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
      return { status: 200, body: this.page(locator[1], cursor.object, cursor.records, Number(locator[2]), base) };
    }
    throw new ApiError(404, "NOT_FOUND", "The requested resource does not exist");
  }

  private object(name: string, status: number, errorCode: string, message: string): [string, FakeObject] {
    const key = Object.keys(this.objects).find((k) => k.toLowerCase() === name.toLowerCase());
    if (!key) throw new ApiError(status, errorCode, message);
    return [key, this.objects[key]];
  }

  private runQuery(soql: string, base: string) {
    const query = parseSoql(soql);
    const [name, object] = this.object(query.from, 400, "INVALID_TYPE", `sObject type '${query.from}' is not supported.`);
    const field = (ref: string) => {
      const found = object.fields.find((f) => f.name.toLowerCase() === ref.toLowerCase());
      if (!found) throw new ApiError(400, "INVALID_FIELD", `No such column '${ref}' on entity '${name}'.`);
      return found;
    };
    const selected = query.select.map(field);
    if (new Set(selected).size !== selected.length) throw new ApiError(400, "MALFORMED_QUERY", "duplicate field selected");
    const where = query.where;
    if (where) checkTypes(where, field);
    const order = query.orderBy.map((o) => ({ field: field(o.field), desc: o.desc }));
    let rows = object.records.filter((record) => !where || matches(where, record, field));
    rows.sort((a, b) => {
      for (const o of order) {
        const c = compare(a[o.field.name] ?? null, b[o.field.name] ?? null, o.field.type);
        if (c !== 0) return o.desc ? -c : c;
      }
      return 0;
    });
    if (query.limit !== null) rows = rows.slice(0, query.limit);
    // The result is fixed when the query runs, as a query locator's is.
    const snapshot = rows.map((record) => {
      const out: FakeRecord = {};
      for (const f of selected) out[f.name] = structuredClone(record[f.name] ?? null);
      return out;
    });
    const id = `01gFAKE${String(this.nextCursor++).padStart(8, "0")}`;
    this.cursors.set(id, { object: name, records: snapshot });
    return this.page(id, name, snapshot, 0, base);
  }

  private page(id: string, object: string, records: FakeRecord[], offset: number, base: string) {
    const end = offset + this.pageSize;
    const page = records.slice(offset, end).map((r) => ({ attributes: { type: object, url: `${base}/sobjects/${object}/${r.Id}` }, ...r }));
    const done = end >= records.length;
    return { totalSize: records.length, done, ...(done ? {} : { nextRecordsUrl: `${base}/query/${id}-${end}` }), records: page };
  }
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json;charset=UTF-8" });
  res.end(JSON.stringify(body));
}

// ---- SOQL subset -------------------------------------------------------------------------------

type Literal =
  | { kind: "string"; value: string }
  | { kind: "datetime"; value: number }
  | { kind: "date"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" };
type Op = "=" | "!=" | "<" | "<=" | ">" | ">=";
type Condition = { kind: "and" | "or"; parts: Condition[] } | { kind: "compare"; field: string; op: Op; value: Literal };
type Query = { select: string[]; from: string; where: Condition | null; orderBy: { field: string; desc: boolean }[]; limit: number | null };
type Token = { type: "word" | "op" | "punct" | "literal"; text: string; literal?: Literal };

const malformed = (message: string) => new ApiError(400, "MALFORMED_QUERY", message);

const TOKEN_PATTERNS: [Token["type"] | "space", RegExp][] = [
  ["space", /\s+/y],
  ["literal", /'(?:[^'\\]|\\[\s\S])*'/y],
  ["literal", /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})/y],
  ["literal", /\d{4}-\d{2}-\d{2}(?![\dT])/y],
  ["literal", /-?\d+(?:\.\d+)?(?![\w-])/y],
  ["op", /!=|<=|>=|=|<|>/y],
  ["punct", /[(),]/y],
  ["word", /[A-Za-z][A-Za-z0-9_]*/y],
];

/** The documented SOQL escapes; a backslash before anything else is an error, as in Salesforce. */
const ESCAPES: Record<string, string> = {
  n: "\n",
  N: "\n",
  r: "\r",
  R: "\r",
  t: "\t",
  T: "\t",
  b: "\b",
  B: "\b",
  f: "\f",
  F: "\f",
  '"': '"',
  "'": "'",
  "\\": "\\",
};

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  for (let at = 0; at < soql.length; ) {
    const hit = TOKEN_PATTERNS.map(([type, re]) => ((re.lastIndex = at), [type, re.exec(soql)?.[0]] as const)).find(([, text]) => text);
    if (!hit || !hit[1]) throw malformed(`unexpected token at position ${at}: ${soql.slice(at, at + 20)}`);
    const [type, text] = hit;
    at += text.length;
    if (type === "space") continue;
    tokens.push(type === "literal" ? { type, text, literal: toLiteral(text) } : { type, text });
  }
  return tokens;
}

function toLiteral(text: string): Literal {
  if (text.startsWith("'")) {
    const value = text.slice(1, -1).replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (_, c: string) => {
      if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
      if (!(c in ESCAPES)) throw malformed(`invalid escape sequence \\${c}`);
      return ESCAPES[c];
    });
    return { kind: "string", value };
  }
  if (text.includes("T")) return { kind: "datetime", value: Date.parse(text) };
  if (/^\d{4}-/.test(text)) return { kind: "date", value: text };
  return { kind: "number", value: Number(text) };
}

function parseSoql(soql: string): Query {
  const tokens = tokenize(soql);
  let i = 0;
  const at = (word: string) => tokens[i]?.text.toUpperCase() === word;
  const take = (word: string) => {
    if (!at(word)) throw malformed(`expected ${word} near '${tokens[i]?.text ?? "end of query"}'`);
    i++;
  };
  const name = () => {
    const token = tokens[i++];
    if (token?.type !== "word") throw malformed(`expected a field or object name near '${token?.text ?? "end of query"}'`);
    return token.text;
  };
  const list = <T>(item: () => T) => {
    const items = [item()];
    while (at(",")) {
      i++;
      items.push(item());
    }
    return items;
  };
  const value = (): Literal => {
    const token = tokens[i++];
    if (token?.literal) return token.literal;
    const word = token?.text.toLowerCase();
    if (word === "null") return { kind: "null" };
    if (word === "true" || word === "false") return { kind: "boolean", value: word === "true" };
    throw malformed(`expected a value near '${token?.text ?? "end of query"}'`);
  };
  const condition = (): Condition => {
    const junction = (kind: "and" | "or", part: () => Condition): Condition => {
      const parts = [part()];
      while (at(kind.toUpperCase())) {
        i++;
        parts.push(part());
      }
      return parts.length === 1 ? parts[0] : { kind, parts };
    };
    const atom = (): Condition => {
      if (at("(")) {
        take("(");
        const inner = condition();
        take(")");
        return inner;
      }
      const field = name();
      const op = tokens[i++];
      if (op?.type !== "op") throw malformed(`expected a comparison after ${field}`);
      return { kind: "compare", field, op: op.text as Op, value: value() };
    };
    return junction("or", () => junction("and", atom));
  };

  take("SELECT");
  const select = list(name);
  take("FROM");
  const from = name();
  let where: Condition | null = null;
  if (at("WHERE")) {
    take("WHERE");
    where = condition();
  }
  let orderBy: Query["orderBy"] = [];
  if (at("ORDER")) {
    take("ORDER");
    take("BY");
    orderBy = list(() => {
      const field = name();
      const direction = at("ASC") || at("DESC") ? tokens[i++].text.toUpperCase() : "ASC";
      return { field, desc: direction === "DESC" };
    });
  }
  let limit: number | null = null;
  if (at("LIMIT")) {
    take("LIMIT");
    const n = value();
    if (n.kind !== "number" || !Number.isInteger(n.value) || n.value < 0) throw malformed("LIMIT takes a whole number");
    limit = n.value;
  }
  if (i < tokens.length) throw malformed(`unexpected token: '${tokens[i].text}'`);
  return { select, from, where, orderBy, limit };
}

const LITERAL_FOR_TYPE: Record<string, Literal["kind"]> = {
  datetime: "datetime",
  date: "date",
  int: "number",
  double: "number",
  currency: "number",
  percent: "number",
  boolean: "boolean",
};

function checkTypes(condition: Condition, field: (name: string) => FakeField) {
  if (condition.kind !== "compare") return condition.parts.forEach((part) => checkTypes(part, field));
  const f = field(condition.field);
  const expected = LITERAL_FOR_TYPE[f.type] ?? "string";
  if (condition.value.kind !== "null" && condition.value.kind !== expected) {
    const quoting = expected === "string" ? "be enclosed in quotes" : "not be enclosed in quotes";
    throw new ApiError(
      400,
      "INVALID_QUERY_FILTER_OPERATOR",
      `value of filter criterion for field '${f.name}' must be of type ${f.type} and should ${quoting}`,
    );
  }
}

function matches(condition: Condition, record: FakeRecord, field: (name: string) => FakeField): boolean {
  if (condition.kind !== "compare") {
    const test = (part: Condition) => matches(part, record, field);
    return condition.kind === "and" ? condition.parts.every(test) : condition.parts.some(test);
  }
  const f = field(condition.field);
  const actual = record[f.name] ?? null;
  const expected = condition.value.kind === "null" ? null : condition.value.value;
  if (actual === null || expected === null) {
    if (condition.op === "=") return actual === expected;
    if (condition.op === "!=") return actual !== expected;
    return false;
  }
  const c = compare(actual, f.type === "datetime" ? new Date(expected as number).toISOString() : (expected as FakeValue), f.type);
  const results: Record<Op, boolean> = { "=": c === 0, "!=": c !== 0, "<": c < 0, "<=": c <= 0, ">": c > 0, ">=": c >= 0 };
  return results[condition.op];
}

/** Nulls sort first, as SOQL's ascending default; datetimes compare as instants. */
function compare(a: FakeValue, b: FakeValue, type: string): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const [x, y] = type === "datetime" ? [instant(a), instant(b)] : [a, b];
  return x < y ? -1 : x > y ? 1 : 0;
}

function instant(value: FakeValue): number {
  return Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}
