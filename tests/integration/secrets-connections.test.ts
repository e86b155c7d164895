import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/aam/connections/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/v1/aam/connections/[id]/route";
import { getConnectionDetail } from "@/lib/aam/connection-detail";
import { readConfig } from "@/lib/aam/connections";
import type { Role } from "@/lib/auth/roles";
import { inspectDb, scopedDb } from "../support/db";
import { createAccount, joinTenant, type TestAccount } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { call } from "../support/http";

const URL_WITH_SECRETS = "postgresql://app:pw-in-userinfo@db.example.test:5432/sales?sslmode=require&password=s3cret";
const MASKED = "postgresql://app:********@db.example.test:5432/sales?sslmode=require&password=********";

/** A bearer token for a fresh user who joined `owner`'s tenant with `role`. */
async function memberToken(owner: TestAccount, role: Role) {
  const user = await createAccount({ label: `secrets-${role}` });
  return { userId: user.userId, token: await joinTenant(owner, user, role) };
}

describe("connection secrets in responses", () => {
  it("masks the password parameter of postgresql://app@db/x?password=s3cret for every role, in the API and the page", async () => {
    const owner = await createAccount({ label: "secrets-owner" });
    const created = await createConnectionVia(owner.token, {
      name: "Query password",
      type: "postgres",
      config: { url: "postgresql://app@db.example.test/x?password=s3cret" },
    });
    expect(created.config.url).toBe("postgresql://app@db.example.test/x?password=********");

    const other = await createConnectionVia(owner.token, { name: "Everywhere", type: "postgres", config: { url: URL_WITH_SECRETS } });
    expect(other.config.url).toBe(MASKED);

    const tokens = [
      owner.token,
      ...(await Promise.all((["admin", "member", "viewer"] as const).map(async (role) => (await memberToken(owner, role)).token))),
    ];
    for (const token of tokens) {
      const list = await call(listRoute, "GET", "/api/v1/aam/connections", { token });
      expect(list.status).toBe(200);
      expect(JSON.stringify(list.json)).not.toMatch(/s3cret|pw-in-userinfo/);
      for (const id of [created.id, other.id]) {
        const one = await call(getRoute, "GET", `/api/v1/aam/connections/${id}`, { token, params: { id } });
        expect(one.status).toBe(200);
        expect(JSON.stringify(one.json)).not.toMatch(/s3cret|pw-in-userinfo/);
      }
    }

    const viewer = await memberToken(owner, "viewer");
    const page = await getConnectionDetail({
      ctx: {
        tenantId: owner.tenantId,
        actor: { userId: viewer.userId, role: "viewer", via: "session" },
        db: await scopedDb(owner.tenantId),
      },
      id: other.id,
    });
    expect(page.connection.config.url).toBe(MASKED);
  });

  it("keeps the real secret when an update sends the masked URL back, and refuses it aimed at another host", async () => {
    const owner = await createAccount({ label: "secrets-patch" });
    const created = await createConnectionVia(owner.token, { name: "Sales", type: "postgres", config: { url: URL_WITH_SECRETS } });
    const stored = async () => readConfig(await (await inspectDb()).connection.findUniqueOrThrow({ where: { id: created.id } }));
    const patch = (config: Record<string, unknown>) =>
      call(patchRoute, "PATCH", `/api/v1/aam/connections/${created.id}`, {
        token: owner.token,
        params: { id: created.id },
        body: { config },
      });

    const same = await patch({ url: created.config.url, schema: "crm" });
    expect(same.status).toBe(200);
    expect(same.json.connection.config).toMatchObject({ url: MASKED, schema: "crm" });
    expect(await stored()).toMatchObject({ url: URL_WITH_SECRETS, schema: "crm" });

    const archive = MASKED.replace("/sales?", "/archive?");
    const renamed = await patch({ url: archive });
    expect(renamed.status).toBe(200);
    expect((await stored()).url).toBe(URL_WITH_SECRETS.replace("/sales?", "/archive?"));

    for (const url of [
      archive.replace("db.example.test", "evil.example"),
      archive.replace("app:", "postgres:"),
      `${archive}&connect_timeout=5`,
    ]) {
      const refused = await patch({ url });
      expect(refused.status).toBe(422);
      expect(refused.json.error.message).toMatch(/masked secret/);
    }
    expect((await stored()).url).toBe(URL_WITH_SECRETS.replace("/sales?", "/archive?"));
  });
});
