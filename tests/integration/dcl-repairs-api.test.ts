import { describe, expect, it } from "vitest";
import { POST as suggestRoute } from "@/app/api/v1/dcl/repairs/suggest/route";
import { createAccount } from "../support/accounts";
import { call } from "../support/http";

const body = {
  source: "hubspot",
  table: "deals",
  before: { fields: [{ name: "dealname", type: "string", samples: ["Acme renewal", "Globex pilot", "Initech"] }] },
  mappings: { dealname: "opportunity.name" },
  after: { fields: [{ name: "properties_dealname", type: "string", samples: ["Acme renewal", "Globex pilot", "Initech"] }] },
};

describe("POST /api/v1/dcl/repairs/suggest", () => {
  it("answers the agent's repairs for a schema change, and 422 with the reason for a malformed one", async () => {
    const owner = await createAccount({ label: "repairs-api" });
    const res = await call(suggestRoute, "POST", "/api/v1/dcl/repairs/suggest", { token: owner.token, body });
    expect(res.status).toBe(200);
    expect(res.json.repairs).toEqual([
      expect.objectContaining({ field: "properties_dealname", target: "opportunity.name", from: "dealname", apply: "auto" }),
    ]);
    const bad = await call(suggestRoute, "POST", "/api/v1/dcl/repairs/suggest", {
      token: owner.token,
      body: { ...body, mappings: { dealname: "name" } },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.json)).toMatch(/entity\.field/);
  });
});
