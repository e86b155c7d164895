import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresConnector } from "@/lib/aam/connectors/postgres";
import { openEmbedded, type EmbeddedHandle } from "@/lib/db/embedded";
import { UNREACHABLE_MESSAGE } from "@/lib/net/policy";
import { setOutboundAllow } from "@/tests/support/outbound-allow";

// The embedded database serves PGlite on a loopback port for the project's own processes (a CLI
// beside the app). Every tenant's connector can name loopback addresses, so the port must not
// answer anyone who lacks the data folder's password.
let dataDir: string;
let owner: EmbeddedHandle;
let port: number;
let password: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "aos-embedded-port-"));
  owner = await openEmbedded(dataDir, "server", async (db) => {
    await db.exec("CREATE TABLE users (id int PRIMARY KEY, password_hash text); INSERT INTO users VALUES (1, 'argon2-hash')");
  });
  port = (JSON.parse(await readFile(path.join(dataDir, "pglite.lock"), "utf8")) as { port: number }).port;
  password = (await readFile(path.join(dataDir, "pglite.secret"), "utf8")).trim();
}, 60_000);

afterAll(async () => {
  await owner?.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function login(secret: string | undefined) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres", password: async () => secret ?? "" });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.query<{ n: number }>("SELECT count(*)::int AS n FROM users")).rows[0]!.n;
  } catch (error) {
    return (error as { code?: string }).code ?? (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("the embedded database's port", () => {
  it("keeps a random password beside the lock file, readable by its owner only", async () => {
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(path.join(dataDir, "pglite.secret"))).mode & 0o777).toBe(0o600);
  });

  it("refuses a wrong or missing password with PostgreSQL's 28P01, and serves the right one", async () => {
    expect(await login("postgres")).toBe("28P01");
    const lastFlipped = password.endsWith("0") ? "1" : "0"; // one character off, never the password itself
    expect(await login(`${password.slice(0, -1)}${lastFlipped}`)).toBe("28P01");
    expect(await login(undefined)).toMatch(/password must be a non-empty string/); // the client gives up before the server asks
    expect(await login(password)).toBe(1);
  });

  it("closes a connection that skips authentication", async () => {
    const socket = net.connect(port, "127.0.0.1");
    const params = Buffer.from("user\0postgres\0database\0postgres\0\0");
    const startup = Buffer.alloc(8 + params.length);
    startup.writeInt32BE(startup.length, 0);
    startup.writeInt32BE(196608, 4);
    params.copy(startup, 8);
    const query = Buffer.from("Q\0\0\0\x1dSELECT * FROM users\0", "latin1");
    query.writeInt32BE(query.length - 1, 1);
    let received = Buffer.alloc(0);
    socket.on("data", (d: Buffer) => (received = Buffer.concat([received, d])));
    socket.write(Buffer.concat([startup, query]));
    await new Promise((resolve) => socket.on("close", resolve));
    expect(received.toString("latin1")).not.toContain("argon2-hash");
    expect(received[0]).toBe(0x52); // only the SASL request came back
  });

  it("hands the password to the project's own processes that join the owner", async () => {
    const guest = await openEmbedded(dataDir, "cli", async () => {});
    expect(guest.role).toBe("guest");
    const client = new pg.Client({ connectionString: (guest as { url: string }).url });
    await client.connect();
    expect((await client.query("SELECT count(*)::int AS n FROM users")).rows[0].n).toBe(1);
    await client.end();
  });

  it("is out of reach of a tenant's PostgreSQL connection: refused by the policy, and by the password when loopback is allow-listed", async () => {
    const attack = () => createPostgresConnector({ url: `postgresql://x:y@127.0.0.1:${port}/anything`, schema: "public" });
    setOutboundAllow("");
    await expect(attack().discover()).rejects.toMatchObject({ kind: "unreachable", message: UNREACHABLE_MESSAGE });
    setOutboundAllow("127.0.0.1");
    await expect(attack().discover()).rejects.toMatchObject({ kind: "auth" });
  });
});
