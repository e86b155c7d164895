import { describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/tenant/settings/route";
import { createAccount, joinTenant } from "../support/accounts";
import { call } from "../support/http";

const hook = "https://hooks.slack.com/services/T000/B000/XXXX";

describe("tenant settings: Slack webhook", () => {
  it("accepts only a Slack incoming-webhook URL, never reads it back, and lets only owners and admins set it", async () => {
    const owner = await createAccount({ label: "settings" });
    expect((await call(GET, "GET", "/x", { token: owner.token })).json).toEqual({ slackConfigured: false });
    expect((await call(PUT, "PUT", "/x", { token: owner.token, body: { slackWebhookUrl: "http://169.254.169.254/latest" } })).status).toBe(
      422,
    );
    expect(
      (await call(PUT, "PUT", "/x", { token: owner.token, body: { slackWebhookUrl: "http://169.254.169.254/services/T/B/X" } })).status,
    ).toBe(422);
    // The same rule as delivery: a relay the operator allow-listed (127.0.0.1 in the tests) may be saved.
    expect(
      (await call(PUT, "PUT", "/x", { token: owner.token, body: { slackWebhookUrl: "http://127.0.0.1:9/services/T/B/X" } })).status,
    ).toBe(200);
    const set = await call(PUT, "PUT", "/x", { token: owner.token, body: { slackWebhookUrl: hook } });
    expect(set.json).toEqual({ slackConfigured: true });
    expect(JSON.stringify((await call(GET, "GET", "/x", { token: owner.token })).json)).not.toContain("hooks.slack.com");

    const member = await createAccount({ label: "settings-member" });
    const token = await joinTenant(owner, member, "member");
    expect((await call(PUT, "PUT", "/x", { token, body: { slackWebhookUrl: null } })).status).toBe(403);

    const other = await createAccount({ label: "settings-other" });
    expect((await call(GET, "GET", "/x", { token: other.token })).json).toEqual({ slackConfigured: false });
    expect((await call(PUT, "PUT", "/x", { token: owner.token, body: { slackWebhookUrl: null } })).json).toEqual({
      slackConfigured: false,
    });
  });
});
