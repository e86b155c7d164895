import { describe, expect, it } from "vitest";
import { GET as getOntology, PUT as putOntology } from "@/app/api/v1/dcl/ontology/route";
import { GET as viewsRoute } from "@/app/api/v1/dcl/views/route";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia, viewRows } from "../support/dcl";
import { call } from "../support/http";

const extension = {
  entities: [
    {
      name: "ticket",
      description: "A support ticket.",
      aliases: ["tickets", "issue"],
      key: "ticket_id",
      fields: [
        { name: "ticket_id", type: "string", semantic: "identifier", aliases: ["id", "ticket id"] },
        { name: "subject", type: "string", aliases: ["title", "summary"] },
        { name: "opened_at", type: "timestamp", semantic: "created", aliases: ["created at", "opened"] },
      ],
    },
  ],
  fields: [
    { entity: "account", fields: [{ name: "tier", type: "string", semantic: "category", aliases: ["customer tier", "segment tier"] }] },
  ],
};

describe("tenant ontology extensions", () => {
  it("adds custom entities and fields that get mapped and materialized like built-in ones", async () => {
    const owner = await createAccount({ label: "dcl-ontology" });
    const put = await call(putOntology, "PUT", "/api/v1/dcl/ontology", { token: owner.token, body: extension });
    expect(put.status).toBe(200);
    expect(put.json.version).toBe("1.0.0+t1");
    expect(put.json.entities.map((e: { name: string }) => e.name)).toContain("ticket");

    const conn = await createConnectionVia(owner.token, { name: "Helpdesk", type: "file", config: { source: "upload" } });
    await uploadFile(
      owner.token,
      conn.id,
      "tickets.csv",
      "id,title,created_at,priority\nT-1,Printer on fire,2026-01-02T03:04:05Z,high\nT-2,VPN down,2026-01-03T00:00:00Z,low",
    );
    await syncNow(owner.tenantId, conn.id);
    await connectVia(owner.token);
    const rows = (await viewRows(owner.token, "ticket", "sort=ticket_id")).rows;
    expect(rows.map((r) => [r.ticket_id, r.subject, r.opened_at])).toEqual([
      ["T-1", "Printer on fire", "2026-01-02T03:04:05.000Z"],
      ["T-2", "VPN down", "2026-01-03T00:00:00.000Z"],
    ]);
    const views = (await call(viewsRoute, "GET", "/api/v1/dcl/views", { token: owner.token })).json.views;
    expect(views.find((v: { entity: string }) => v.entity === "account").columns.map((c: { name: string }) => c.name)).toContain("tier");

    // Removing the extension drops its view on the next build.
    expect(
      (await call(putOntology, "PUT", "/api/v1/dcl/ontology", { token: owner.token, body: { entities: [], fields: [] } })).status,
    ).toBe(200);
    await connectVia(owner.token);
    const after = (await call(viewsRoute, "GET", "/api/v1/dcl/views", { token: owner.token })).json.views;
    expect(after.map((v: { entity: string }) => v.entity)).not.toContain("ticket");
  });

  it("refuses clashes with the built-in ontology and names that are not plain identifiers", async () => {
    const owner = await createAccount({ label: "dcl-ontology-bad" });
    const clash = await call(putOntology, "PUT", "/api/v1/dcl/ontology", {
      token: owner.token,
      body: { fields: [{ entity: "account", fields: [{ name: "name", type: "string" }] }] },
    });
    expect(clash.status).toBe(422);
    const badName = await call(putOntology, "PUT", "/api/v1/dcl/ontology", {
      token: owner.token,
      body: { entities: [{ ...extension.entities[0], name: "Robert'); DROP TABLE" }] },
    });
    expect(badName.status).toBe(422);
    expect((await call(getOntology, "GET", "/api/v1/dcl/ontology", { token: owner.token })).json.version).toBe("1.0.0");
  });
});
