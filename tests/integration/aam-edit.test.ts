import { describe, expect, it } from "vitest";
import { PATCH as patchRoute } from "@/app/api/v1/aam/connections/[id]/route";
import { readConfig } from "@/lib/aam/connections";
import { createAccount } from "../support/accounts";
import { createConnectionVia } from "../support/aam";
import { inspectDb } from "../support/db";
import { call } from "../support/http";

const PG_URL = "postgresql://reader:s3cret-pass@db.example.test:5432/sales";

async function storedConfig(id: string) {
  return readConfig(await (await inspectDb()).connection.findUniqueOrThrow({ where: { id } }));
}

describe("editing a connection (the page's Edit form sends what PATCH takes)", () => {
  it("renames and changes settings; secrets left out are kept; an empty list of tables means all tables again", async () => {
    const owner = await createAccount({ label: "aam-edit" });
    const conn = await createConnectionVia(owner.token, {
      name: "Sales DB",
      type: "postgres",
      config: { url: PG_URL, tables: ["accounts", "invoices"] },
    });
    expect(await storedConfig(conn.id)).toMatchObject({ tables: ["accounts", "invoices"] });

    const patch = (body: object) => call(patchRoute, "PATCH", "/x", { token: owner.token, params: { id: conn.id }, body });
    const edited = await patch({ name: "Sales (read replica)", config: { schema: "crm", tables: [] }, schemaPolicy: "require_approval" });
    expect(edited.status).toBe(200);
    expect(edited.json.connection).toMatchObject({ name: "Sales (read replica)", schemaPolicy: "require_approval", secretsSet: ["url"] });
    expect(edited.json.connection.config).not.toHaveProperty("tables");
    const stored = await storedConfig(conn.id);
    expect(stored).toEqual({ url: PG_URL, schema: "crm" });

    const mongo = await createConnectionVia(owner.token, {
      name: "Docs",
      type: "mongodb",
      config: { url: "mongodb://reader:pw@db.example.test:27017/", database: "app", collections: ["users"] },
    });
    const all = await call(patchRoute, "PATCH", "/x", {
      token: owner.token,
      params: { id: mongo.id },
      body: { config: { collections: [] } },
    });
    expect(all.status).toBe(200);
    expect(await storedConfig(mongo.id)).not.toHaveProperty("collections");
  });

  it("edits a file connection's reading settings and keeps where its files come from", async () => {
    const owner = await createAccount({ label: "aam-edit-file" });
    const conn = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: {} });
    const res = await call(patchRoute, "PATCH", "/x", {
      token: owner.token,
      params: { id: conn.id },
      body: { config: { delimiter: "\t", encoding: "windows-1252", header: false } },
    });
    expect(res.status).toBe(200);
    expect(await storedConfig(conn.id)).toEqual({ source: "upload", delimiter: "\t", encoding: "windows-1252", header: false });
    const taken = await createConnectionVia(owner.token, { name: "Other", type: "file", config: {} });
    const clash = await call(patchRoute, "PATCH", "/x", { token: owner.token, params: { id: taken.id }, body: { name: "Uploads" } });
    expect(clash.status).toBe(409);
    expect(clash.json.error.message).toBe('A connection named "Uploads" already exists');
  });
});
