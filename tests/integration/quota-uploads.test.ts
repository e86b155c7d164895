import { describe, expect, it } from "vitest";

// A 4 KiB quota per tenant, set before lib/env is loaded (every import below is dynamic for that reason).
process.env.AOS_TENANT_UPLOAD_QUOTA_BYTES = "4096";

const { DELETE: deleteRoute } = await import("@/app/api/v1/aam/connections/[id]/route");
const { getStore } = await import("@/lib/store");
const { createAccount } = await import("../support/accounts");
const { createConnectionVia, uploadFile } = await import("../support/aam");
const { call } = await import("../support/http");
const { GET: listRoute, POST: uploadRoute } = await import("@/app/api/v1/aam/connections/[id]/files/route");

/** The connection's files as the API lists them, and how many objects its uploads hold in the store. */
async function uploadsOf(token: string, tenantId: string, connectionId: string) {
  const listed = await call(listRoute, "GET", "/x", { token, params: { id: connectionId } });
  const objects = await (await getStore()).list(`${tenantId}/uploads/${connectionId}/`);
  return { names: (listed.json.files as { name: string }[]).map((f) => f.name), objects: objects.length };
}

/** A valid CSV of exactly `bytes` bytes. */
function csv(bytes: number): string {
  const header = "id,note\n";
  return header + "1," + "x".repeat(bytes - header.length - 3) + "\n";
}

const uploadConnection = async (token: string, name = "Uploads") =>
  (await createConnectionVia(token, { name, type: "file", config: { source: "upload" } })).id;

describe("per-tenant upload quota", () => {
  it("lets only one of two concurrent uploads through when both together would pass the quota", async () => {
    const a = await createAccount({ label: "quota-race" });
    const [first, second] = [await uploadConnection(a.token, "Race 1"), await uploadConnection(a.token, "Race 2")];
    const answers = await Promise.all([uploadFile(a.token, first, "a.csv", csv(3000)), uploadFile(a.token, second, "b.csv", csv(3000))]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 413]);
  });

  it("refuses an upload that would pass the tenant's total with 413, leaving nothing behind; other tenants are unaffected", async () => {
    const [a, b] = await Promise.all([createAccount({ label: "quota-a" }), createAccount({ label: "quota-b" })]);
    const first = await uploadConnection(a.token);
    expect((await uploadFile(a.token, first, "accounts.csv", csv(3000))).status).toBe(201);

    // Streamed without a declared length: refused once the written bytes pass the quota.
    const over = await uploadFile(a.token, first, "more.csv", csv(2000));
    expect(over.status).toBe(413);
    expect(over.json.error.code).toBe("quota_exceeded");
    expect(over.json.error.message).toMatch(/may store 4\.0 KiB of uploaded files and 2\.9 KiB are in use/);
    expect(await uploadsOf(a.token, a.tenantId, first)).toEqual({ names: ["accounts.csv"], objects: 1 });

    // Declared up front: refused before anything is read.
    const declared = await call(uploadRoute, "POST", `/x?name=big.csv`, {
      token: a.token,
      rawBody: csv(2000),
      headers: { "content-type": "text/csv", "content-length": "2000" },
      params: { id: first },
    });
    expect(declared.status).toBe(413);

    // The quota is the tenant's, across its connections.
    const second = await uploadConnection(a.token, "More uploads");
    expect((await uploadFile(a.token, second, "deals.csv", csv(1500))).status).toBe(413);
    expect(await uploadsOf(a.token, a.tenantId, second)).toEqual({ names: [], objects: 0 });

    // Another tenant has its own quota.
    expect((await uploadFile(b.token, await uploadConnection(b.token), "accounts.csv", csv(3000))).status).toBe(201);
  });

  it("frees the bytes of a file it replaces and of a deleted connection", async () => {
    const a = await createAccount({ label: "quota-free" });
    const first = await uploadConnection(a.token);
    expect((await uploadFile(a.token, first, "accounts.csv", csv(3000))).status).toBe(201);
    expect((await uploadFile(a.token, first, "accounts.csv", csv(3500))).status).toBe(201);

    const second = await uploadConnection(a.token, "More uploads");
    expect((await uploadFile(a.token, second, "deals.csv", csv(1000))).status).toBe(413);
    expect((await call(deleteRoute, "DELETE", "/x", { token: a.token, params: { id: first } })).status).toBe(204);
    expect((await getStore().then((s) => s.list(`${a.tenantId}/uploads/${first}/`))).length).toBe(0);
    expect((await uploadFile(a.token, second, "deals.csv", csv(1000))).status).toBe(201);
  });

  it("counts a replaced file until it is deleted, so replacing one name again and again cannot store past the quota", async () => {
    const a = await createAccount({ label: "quota-replace" });
    const first = await uploadConnection(a.token);
    expect((await uploadFile(a.token, first, "a.csv", csv(2000))).status).toBe(201);
    expect((await uploadFile(a.token, first, "a.csv", csv(2000))).status).toBe(201);
    expect((await uploadFile(a.token, first, "a.csv", csv(2000))).status).toBe(201);
    // Two released copies (4,000 bytes) are still stored for an hour: a third replacement would pass 4 KiB.
    expect((await uploadFile(a.token, first, "a.csv", csv(2000))).status).toBe(413);
  });
});
