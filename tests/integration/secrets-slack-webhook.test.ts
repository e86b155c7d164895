import { describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/tenant/settings/route";
import { isSealed } from "@/lib/crypto/secret-box";
import { inspectDb, scopedDb } from "../support/db";
import { readSlackWebhook } from "@/lib/notify/slack-webhook";
import { createAccount } from "../support/accounts";
import { call } from "../support/http";

const hook = (tag: string) => `https://hooks.slack.com/services/T000/B000/${tag}`;
const stored = async (tenantId: string) =>
  (await (await inspectDb()).tenant.findUniqueOrThrow({ where: { id: tenantId } })).slackWebhookUrl;

describe("Slack webhook at rest", () => {
  it("is stored sealed, read back only by the notifier, and answered as set/not set", async () => {
    const owner = await createAccount({ label: "slack-sealed" });
    const put = await call(PUT, "PUT", "/api/v1/tenant/settings", { token: owner.token, body: { slackWebhookUrl: hook("sealed") } });
    expect(put.json).toEqual({ slackConfigured: true });

    const column = await stored(owner.tenantId);
    expect(isSealed(column!)).toBe(true);
    expect(column).not.toContain("hooks.slack.com");
    expect(JSON.stringify((await call(GET, "GET", "/api/v1/tenant/settings", { token: owner.token })).json)).not.toContain(
      "hooks.slack.com",
    );
    expect((await readSlackWebhook(await scopedDb(owner.tenantId), owner.tenantId))?.url).toBe(hook("sealed"));

    // Bound to its tenant: copied onto another tenant's row it does not open.
    const other = await createAccount({ label: "slack-copy" });
    await (await inspectDb()).tenant.update({ where: { id: other.tenantId }, data: { slackWebhookUrl: column } });
    await expect(readSlackWebhook(await scopedDb(other.tenantId), other.tenantId)).rejects.toThrow(/decrypt/);
  });

  it("still reads a plain URL stored before sealing, and seals it in place", async () => {
    const owner = await createAccount({ label: "slack-legacy" });
    await (await inspectDb()).tenant.update({ where: { id: owner.tenantId }, data: { slackWebhookUrl: hook("legacy") } });
    expect((await call(GET, "GET", "/api/v1/tenant/settings", { token: owner.token })).json).toEqual({ slackConfigured: true });

    expect((await readSlackWebhook(await scopedDb(owner.tenantId), owner.tenantId))?.url).toBe(hook("legacy"));
    const column = await stored(owner.tenantId);
    expect(isSealed(column!)).toBe(true);
    expect((await readSlackWebhook(await scopedDb(owner.tenantId), owner.tenantId))?.url).toBe(hook("legacy"));
  });
});
