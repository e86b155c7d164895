import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { GET as listRoute } from "@/app/api/v1/aam/connections/[id]/files/route";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow } from "../support/aam";
import { call } from "../support/http";

describe("uploads kept in the data folder before they lived in the store", () => {
  it("move into the store when their connection's files are first listed, and are read by the next sync", async () => {
    const owner = await createAccount({ label: "uploads-legacy" });
    const { id } = await createConnectionVia(owner.token, { name: "Old uploads", type: "file", config: { source: "upload" } });
    const legacy = path.resolve(env.dataDir, "uploads", owner.tenantId, id);
    await mkdir(legacy, { recursive: true });
    await writeFile(path.join(legacy, "accounts.csv"), "id,name\n1,Acme\n2,Globex\n");

    const listed = await call(listRoute, "GET", "/x", { token: owner.token, params: { id } });
    expect(listed.json.files).toEqual([{ name: "accounts.csv", bytes: 24 }]);
    expect(await readdir(legacy).catch(() => "gone")).toBe("gone");
    expect((await syncNow(owner.tenantId, id)).read["accounts.csv"]).toEqual({ stored: 2, quarantined: 0 });
  });
});
