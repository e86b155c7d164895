import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { encode, type JWT } from "next-auth/jwt";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as token } from "@/app/api/v1/auth/token/route";
import { GET as listTasks, POST as createTask } from "@/app/api/v1/tasks/route";
import { getAuthOptions } from "@/lib/auth/next-auth";
import { getAuthSecret } from "@/lib/auth/secret";
import { createAccount, joinTenant, signIn } from "../support/accounts";
import { call } from "../support/http";

const kbTask = () => ({ type: "kb.ingest", input: { documentIds: [randomUUID()] } });
const taskIds = async (bearer: string) =>
  (await call(listTasks, "GET", "/x", { token: bearer })).json.tasks.map((t: { id: string }) => t.id);

/** The session next-auth keeps after a `update({ tenantId })` call from the browser. */
async function sessionAfterSwitch(current: JWT, requested: unknown): Promise<JWT> {
  const options = await getAuthOptions();
  return options.callbacks!.jwt!({ token: current, trigger: "update", session: requested } as never);
}

async function cookieFor(jwt: JWT): Promise<string> {
  return `next-auth.session-token=${await encode({ token: jwt, secret: await getAuthSecret() })}`;
}

describe("a user in several tenants", () => {
  it("gets a token for each tenant, by id or slug, and each sees only that tenant's data", async () => {
    const other = await createAccount({ label: "second-tenant" });
    const user = await createAccount({ label: "two-tenants" });
    await joinTenant(other, user, "member");

    const home = await signIn(user.email, user.password);
    const profile = (await call(me, "GET", "/x", { token: home })).json;
    expect(profile.tenant.id).toBe(user.tenantId);
    expect(profile.tenants.map((t: { id: string; role: string }) => [t.id, t.role])).toEqual([
      [user.tenantId, "owner"],
      [other.tenantId, "member"],
    ]);
    const slug = profile.tenants[1].slug;
    const away = await signIn(user.email, user.password, slug);
    expect((await call(me, "GET", "/x", { token: away })).json).toMatchObject({ tenant: { id: other.tenantId }, role: "member" });

    const homeTask = (await call(createTask, "POST", "/x", { token: home, body: kbTask() })).json.task.id;
    const awayTask = (await call(createTask, "POST", "/x", { token: away, body: kbTask() })).json.task.id;
    expect(await taskIds(home)).toEqual([homeTask]);
    expect(await taskIds(away)).toEqual([awayTask]);
    expect(await taskIds(other.token)).toEqual([awayTask]);
  });

  it("refuses a token for a tenant the user does not belong to, existing or not, with one answer", async () => {
    const user = await createAccount({ label: "token-outsider" });
    const stranger = await createAccount({ label: "token-stranger" });
    const ask = (tenant: string) => call(token, "POST", "/x", { body: { email: user.email, password: user.password, tenant } });
    const foreign = await ask(stranger.tenantId);
    const missing = await ask(randomUUID());
    const slug = await ask("no-such-tenant");
    expect([foreign.status, missing.status, slug.status]).toEqual([403, 403, 403]);
    expect(missing.json.error).toEqual(foreign.json.error);
    expect(slug.json.error).toEqual(foreign.json.error);
  });

  it("switches the session's tenant only to a tenant the user belongs to", async () => {
    const other = await createAccount({ label: "switch-target" });
    const stranger = await createAccount({ label: "switch-stranger" });
    const user = await createAccount({ label: "switcher" });
    await joinTenant(other, user, "viewer");
    const signedIn: JWT = { sub: user.userId, uid: user.userId, tid: user.tenantId };

    const refused = await sessionAfterSwitch(signedIn, { tenantId: stranger.tenantId });
    expect(refused.tid).toBe(user.tenantId);
    for (const junk of [{ tenantId: "acme" }, { tenantId: randomUUID() }, "x", null]) {
      expect((await sessionAfterSwitch(signedIn, junk)).tid).toBe(user.tenantId);
    }

    const switched = await sessionAfterSwitch(signedIn, { tenantId: other.tenantId });
    expect(switched.tid).toBe(other.tenantId);
    const res = await call(me, "GET", "/x", { headers: { cookie: await cookieFor(switched) } });
    expect(res.json).toMatchObject({ tenant: { id: other.tenantId }, role: "viewer" });

    // A session token forged to name a foreign tenant is refused by every request.
    const forged = await call(me, "GET", "/x", { headers: { cookie: await cookieFor({ ...signedIn, tid: stranger.tenantId }) } });
    expect(forged.status).toBe(401);
  });
});
