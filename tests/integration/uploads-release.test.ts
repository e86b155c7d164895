import { describe, expect, it } from "vitest";
import { createAccount } from "../support/accounts";
import { createConnectionVia, deleteFile, uploadFile } from "../support/aam";
import { inspectDb, scopedDb } from "../support/db";

describe("a replaced or deleted upload", () => {
  it("keeps its object for an hour after its release, for a sync still reading it, then deletes it", async () => {
    const owner = await createAccount({ label: "uploads-release" });
    const { id } = await createConnectionVia(owner.token, { name: "Uploads", type: "file", config: { source: "upload" } });
    const { getStore } = await import("@/lib/store");
    const { collectReleasedUploads } = await import("@/lib/aam/connectors/file/uploaded");
    const objects = async () => (await (await getStore()).list(`${owner.tenantId}/uploads/${id}/`)).length;

    expect((await uploadFile(owner.token, id, "a.csv", "id\n1\n")).status).toBe(201);
    expect((await uploadFile(owner.token, id, "a.csv", "id\n1\n2\n")).status).toBe(201);
    expect((await deleteFile(owner.token, id, "a.csv")).status).toBe(204);
    expect(await objects()).toBe(2);
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    expect(await collectReleasedUploads(scope)).toBe(0);

    await (await inspectDb()).releasedUpload.updateMany({
      where: { tenantId: owner.tenantId },
      data: { releasedAt: new Date(Date.now() - 2 * 3600_000) },
    });
    expect(await collectReleasedUploads(scope)).toBe(2);
    expect(await objects()).toBe(0);
    expect(await (await inspectDb()).releasedUpload.count({ where: { tenantId: owner.tenantId } })).toBe(0);
  });
});
