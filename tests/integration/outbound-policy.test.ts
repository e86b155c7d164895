import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST as checkRoute } from "@/app/api/v1/aam/connections/[id]/check/route";
import { POST as discoverRoute } from "@/app/api/v1/aam/connections/[id]/discover/route";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { UNREACHABLE_MESSAGE } from "@/lib/net/policy";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { call } from "../support/http";
import { setOutboundAllow } from "../support/outbound-allow";

/** The app's own database as a tenant would name it: the embedded port, or the server database on loopback. */
async function ownDatabaseUrl(): Promise<string> {
  await getDb();
  if (env.database.mode === "server") {
    const url = new URL(env.database.url);
    return `postgresql://${url.username || "postgres"}@127.0.0.1:${url.port || 5432}${url.pathname}`;
  }
  const lock = JSON.parse(await readFile(path.join(env.database.dataDir, "pglite.lock"), "utf8")) as { port: number };
  return `postgresql://x:y@127.0.0.1:${lock.port}/anything`;
}

async function probe(owner: TestAccount, url: string) {
  const conn = await createConnectionVia(owner.token, { name: `probe ${Math.random()}`, type: "postgres", config: { url } });
  const check = await call(checkRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
  const discover = await call(discoverRoute, "POST", "/x", { token: owner.token, params: { id: conn.id } });
  return { check: check.json, discover };
}

describe("a tenant's PostgreSQL connection pointed at the app's own database", () => {
  it("is refused by the outbound policy, answering exactly what a closed port answers", async () => {
    const attacker = await createAccount({ label: "ssrf" });
    const closed = await probe(attacker, "postgresql://x:y@127.0.0.1:1/anything"); // loopback is allow-listed in tests
    setOutboundAllow("");
    const own = await probe(attacker, await ownDatabaseUrl());
    expect(own.check).toEqual({ ok: false, kind: "unreachable", message: UNREACHABLE_MESSAGE });
    expect(own.check).toEqual(closed.check);
    expect(own.discover.status).toBe(502);
    expect(own.discover.json.error.message).toBe(UNREACHABLE_MESSAGE);
    expect(JSON.stringify(own.discover.json)).not.toMatch(/password_hash|tenants|canonical_events/);
  });

  it.skipIf(Boolean(process.env.DATABASE_URL))(
    "is refused by the embedded port's password even when loopback is allow-listed",
    async () => {
      const attacker = await createAccount({ label: "ssrf-pw" });
      setOutboundAllow("127.0.0.1");
      const own = await probe(attacker, await ownDatabaseUrl());
      expect(own.check).toMatchObject({ ok: false, kind: "auth" });
      expect(own.discover.status).toBe(502);
      expect(JSON.stringify(own.discover.json)).not.toMatch(/password_hash|tenants|canonical_events/);
    },
  );
});
