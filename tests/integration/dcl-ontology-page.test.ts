import { describe, expect, it } from "vitest";
import { POST as decideRoute } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { GET as listRoute } from "@/app/api/v1/dcl/mappings/route";
import type { TenantContext } from "@/lib/auth/context";
import { describeMethod } from "@/lib/dcl/mappings/method-words";
import { getOntologyPage } from "@/lib/dcl/ontology-page";
import { getViewPage } from "@/lib/dcl/view-page";
import { readBuild } from "@/lib/dcl/views/builds";
import { recentBuilds } from "@/lib/dcl/views/page-cache";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { scopedDb } from "../support/db";
import { connectVia } from "../support/dcl";
import { call } from "../support/http";

const ACCOUNTS = ["Id,Account Name,Website", "A-1,Acme GmbH,https://acme.example.com", "A-2,Globex,https://globex.example.com"].join("\n");

async function contextOf(owner: TestAccount): Promise<TenantContext> {
  return { tenantId: owner.tenantId, actor: { userId: owner.userId, role: "owner", via: "bearer" }, db: await scopedDb(owner.tenantId) };
}

async function accountsTenant(label: string) {
  const owner = await createAccount({ label });
  const conn = await createConnectionVia(owner.token, { name: "CRM export", type: "file", config: { source: "upload", delimiter: "," } });
  expect((await uploadFile(owner.token, conn.id, "accounts.csv", ACCOUNTS)).status).toBe(201);
  await syncNow(owner.tenantId, conn.id);
  await connectVia(owner.token);
  return { owner, ctx: await contextOf(owner) };
}

describe("the Ontology page", () => {
  it("lists every ontology field with the source fields mapped onto it, and says how each was mapped and by whom", async () => {
    const { owner, ctx } = await accountsTenant("ontology-olga");
    let page = await getOntologyPage({ ctx });
    const field = (target: string) => page.fields.find((f) => `${f.entity}.${f.field}` === target)!;
    expect(page.fields.length).toBe(page.targets.flatMap((t) => t.fields).length);

    const [name] = field("account.name").sources;
    expect(name).toMatchObject({ stream: "accounts.csv", field: "Account Name" });
    expect(page.connectionNames[name.connectionId]).toBe("CRM export");
    expect(describeMethod(name, page.people)).toMatch(/, approved automatically$/);
    expect(field("account.industry").sources).toEqual([]);

    // A person's correction: the field now feeds the target they chose, in their name.
    const listed = (await call(listRoute, "GET", "/x", { token: owner.token })).json.items as { id: string; field: string }[];
    const website = listed.find((m) => m.field === "Website")!;
    const decided = await call(decideRoute, "POST", "/x", {
      token: owner.token,
      body: { decision: "approve", target: "account.industry" },
      params: { id: website.id },
    });
    expect(decided.status).toBe(200);
    page = await getOntologyPage({ ctx });
    expect(field("account.industry").sources.map((s) => s.field)).toEqual(["Website"]);
    expect(describeMethod(field("account.industry").sources[0], page.people)).toBe("set by ontology-olga");
    expect(field("account.domain").sources).toEqual([]);
  });

  it("shows the build current now, even when this process cached an older one", async () => {
    const { owner, ctx } = await accountsTenant("ontology-fresh");
    // As if this process read the build before another machine's rebuild landed (cached for a second).
    recentBuilds.delete(owner.tenantId);
    await recentBuilds.get(
      owner.tenantId,
      async () => null,
      () => 1,
    );
    try {
      expect((await readBuild(ctx)).builtAt).toBe("");
      const page = await getOntologyPage({ ctx });
      expect(page.views.builtAt).not.toBeNull();
      expect(page.views.views.find((v) => v.entity === "account")!.rows).toBe(2);
      const view = await getViewPage({ ctx, entity: "account", query: {} });
      expect([view.view.built, view.view.total, view.hasConnections]).toEqual([true, 2, true]);
    } finally {
      recentBuilds.delete(owner.tenantId);
    }
  });

  it("tells an empty workspace's view page that there is no source yet", async () => {
    const ctx = await contextOf(await createAccount({ label: "ontology-empty" }));
    const view = await getViewPage({ ctx, entity: "invoice", query: {} });
    expect([view.view.built, view.hasConnections]).toEqual([false, false]);
  });
});
