import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as listRoute, POST as registerRoute } from "@/app/api/v1/agents/route";
import { DELETE as deleteRoute, PATCH as updateRoute } from "@/app/api/v1/agents/[id]/route";
import { POST as runRoute } from "@/app/api/v1/agents/[id]/run/route";
import { GET as findingsRoute } from "@/app/api/v1/findings/route";
import { PATCH as findingRoute } from "@/app/api/v1/findings/[id]/route";
import { GET as metricsRoute } from "@/app/api/v1/agents/metrics/route";
import { GET as runsRoute } from "@/app/api/v1/agent-runs/route";
import { GET as graphRoute } from "@/app/api/v1/dcl/graph/route";
import type { TenantContext } from "@/lib/auth/context";
import { queueScheduledRuns } from "@/lib/agents/schedule";
import { agentCommand, formatAgentReport } from "@/lib/cli/agent";
import { systemDb } from "@/lib/db/scope";
import { getDb } from "@/lib/db";
import { workflows } from "@/lib/tasks/workflows";
import { createAccount, joinTenant, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia } from "../support/dcl";
import { scopedDb } from "../support/db";
import { call } from "../support/http";
import { localHttpServer } from "../support/local-http";
import { testEngine, waitForStatus } from "../support/tasks";

type Finding = {
  id: string;
  key: string;
  status: string;
  occurrences: number;
  statusNote: string | null;
  title: string;
  impact: { amount: number } | null;
};

const register = (who: { token: string }, body: Record<string, unknown>) =>
  call(registerRoute, "POST", "/api/v1/agents", { token: who.token, body });
const findings = async (who: TestAccount, agent: string) =>
  (await call(findingsRoute, "GET", `/api/v1/findings?agent=${agent}`, { token: who.token })).json.findings as Finding[];
const ctxOf = async (who: TestAccount): Promise<TenantContext> => ({
  tenantId: who.tenantId,
  actor: { userId: who.userId, role: "owner", via: "bearer" },
  db: await scopedDb(who.tenantId),
});

/** A third party's agent: checks the signature, answers what `answer` says (a finding per key), or fails. */
async function thirdParty(answer: { keys: string[]; status?: number }, key: () => string) {
  const received: { agent: string; views: Record<string, { total: number }> }[] = [];
  const server = await localHttpServer((req, res) => {
    let body = "";
    req
      .on("data", (c) => (body += c))
      .on("end", () => {
        const expected = `sha256=${createHmac("sha256", key()).update(`${req.headers["x-aos-timestamp"]}.${body}`).digest("hex")}`;
        if (req.headers["x-aos-signature"] !== expected) return res.writeHead(401).end("bad signature");
        if (answer.status) return res.writeHead(answer.status).end("internal details nobody should see");
        received.push(JSON.parse(body));
        const found = answer.keys.map((k, i) => ({
          key: k,
          kind: "churn_risk",
          title: `Churn risk ${k}`,
          summary: "Usage fell 60% in 30 days.",
          severity: "high",
          impact: { amount: 1000 * (i + 1), currency: "USD", per: "year" },
        }));
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ findings: found }));
      });
  });
  return { url: `${server.url}/agent`, received };
}

describe("agents", () => {
  it("has the built-in agents, registers a third party's (admins only, with reasons for bad input), and draws exactly the registered agents", async () => {
    const owner = await createAccount({ label: "agents-registry" });
    const agents = async () =>
      ((await call(listRoute, "GET", "/x", { token: owner.token })).json.agents as { slug: string; kind: string }[]).map(
        (a) => `${a.kind}:${a.slug}`,
      );
    expect(await agents()).toEqual(["builtin:finops", "builtin:revops"]);

    const member = await createAccount({ label: "agents-member" });
    const memberToken = await joinTenant(owner, member, "member");
    const good = {
      slug: "churn",
      name: "Churn watch",
      owner: "data team",
      endpoint: "https://agents.example.com/churn",
      entities: ["account"],
      schedule: "0 7 * * 1",
    };
    expect((await register({ token: memberToken }, good)).status).toBe(403);
    const bad = async (body: Record<string, unknown>) => {
      const res = await register(owner, { ...good, ...body });
      return [res.status, res.json.error?.message];
    };
    expect(await bad({ endpoint: "http://agents.example.com/churn" })).toEqual([422, expect.stringContaining("https")]);
    expect(await bad({ endpoint: "https://user:pw@agents.example.com/churn" })).toEqual([422, expect.stringContaining("credentials")]);
    expect(await bad({ entities: ["account", "payroll"] })).toEqual([422, "unknown entities: payroll"]);
    expect((await bad({ slug: "metrics" }))[0]).toBe(422);
    expect((await bad({ schedule: "every day" }))[0]).toBe(422);
    const created = await register(owner, good);
    expect(created.status).toBe(201);
    expect(created.json.signingKey).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify((await call(listRoute, "GET", "/x", { token: owner.token })).json)).not.toContain(created.json.signingKey);
    expect((await register(owner, good)).status).toBe(409);

    const agentNodes = async () =>
      ((await call(graphRoute, "GET", "/x", { token: owner.token })).json.nodes as { id: string; kind: string }[])
        .filter((n) => n.kind === "agent")
        .map((n) => n.id)
        .sort();
    expect(await agentNodes()).toEqual(["agent:churn", "agent:finops", "agent:revops"]);
    expect((await call(deleteRoute, "DELETE", "/x", { token: owner.token, params: { id: "finops" } })).status).toBe(409);
    expect((await call(deleteRoute, "DELETE", "/x", { token: owner.token, params: { id: "churn" } })).status).toBe(204);
    expect(await agentNodes()).toEqual(["agent:finops", "agent:revops"]);
    // Another tenant sees only its own.
    const other = await createAccount({ label: "agents-other" });
    expect((await call(listRoute, "GET", "/x", { token: other.token })).json.agents.map((a: { slug: string }) => a.slug)).toEqual([
      "finops",
      "revops",
    ]);
  });

  it("runs a third party's agent through the same path: signed, findings kept across runs with their lifecycle, failures recorded, metrics", async () => {
    const owner = await createAccount({ label: "agents-http" });
    const ctx = await ctxOf(owner);
    let signingKey = "";
    const answer = { keys: ["acme", "globex"] };
    const party = await thirdParty(answer, () => signingKey);
    const created = await register(owner, {
      slug: "churn",
      name: "Churn watch",
      endpoint: party.url,
      entities: ["account", "opportunity"],
    });
    expect(created.status).toBe(201);
    signingKey = created.json.signingKey;
    const broken = await thirdParty({ keys: [], status: 500 }, () => brokenKey);
    const brokenCreated = await register(owner, { slug: "flaky", name: "Flaky", endpoint: broken.url, entities: ["account"] });
    const brokenKey: string = brokenCreated.json.signingKey;

    const engine = await testEngine([owner.tenantId], { workflows });
    engine.start();
    try {
      const run = async (agent: string, status = "success") => {
        const res = await call(runRoute, "POST", "/x", { token: owner.token, params: { id: agent }, body: {} });
        expect(res.status).toBe(202);
        return waitForStatus(ctx, res.json.task.id, status, 30_000);
      };
      const first = await run("churn");
      expect(first.result).toMatchObject({ agent: "churn", findings: 2, new: 2, resolved: 0 });
      expect(party.received[0]).toMatchObject({ agent: "churn", views: { account: { total: 0 }, opportunity: { total: 0 } } });
      let found = await findings(owner, "churn");
      expect(found.map((f) => [f.key, f.status, f.occurrences]).sort()).toEqual([
        ["acme", "open", 1],
        ["globex", "open", 1],
      ]);

      // A person acknowledges one; the next run finds only that one again: the same finding, and the other is resolved as no longer found.
      const acme = found.find((f) => f.key === "acme")!;
      expect(
        (
          await call(findingRoute, "PATCH", "/x", {
            token: owner.token,
            params: { id: acme.id },
            body: { status: "acknowledged", note: "CSM on it" },
          })
        ).status,
      ).toBe(200);
      answer.keys = ["acme"];
      expect((await run("churn")).result).toMatchObject({ findings: 1, new: 0, resolved: 1 });
      found = await findings(owner, "churn");
      expect(found.map((f) => [f.key, f.status, f.occurrences, f.statusNote]).sort()).toEqual([
        ["acme", "acknowledged", 2, "CSM on it"],
        ["globex", "resolved", 1, "no longer found"],
      ]);
      // Found again after being resolved: reopened, still one finding.
      answer.keys = ["acme", "globex"];
      await run("churn");
      expect((await findings(owner, "churn")).find((f) => f.key === "globex")).toMatchObject({
        status: "open",
        occurrences: 2,
        statusNote: "found again",
      });

      // A failing agent fails alone, with a message fit for the tenant; the others run on.
      const failed = await run("flaky", "failed");
      expect(failed.lastError?.message).toBe("the agent's endpoint answered 500");
      const runs = (await call(runsRoute, "GET", "/x?agent=flaky", { token: owner.token })).json.runs as {
        status: string;
        error: string;
      }[];
      expect(runs.every((r) => r.status === "failed" && r.error === "the agent's endpoint answered 500")).toBe(true);
      await run("churn");

      const metrics = (await call(metricsRoute, "GET", "/x", { token: owner.token })).json.agents as {
        agent: string;
        runs: number;
        successRate: number;
        p50Ms: number;
        findingsProduced: number;
        findingsActedOn: number;
      }[];
      const churn = metrics.find((m) => m.agent === "churn")!;
      expect(churn).toMatchObject({ runs: 4, successRate: 1, findingsProduced: 2, findingsActedOn: 1 });
      expect(churn.p50Ms).toBeGreaterThanOrEqual(0);
      expect(metrics.find((m) => m.agent === "flaky")).toMatchObject({ successRate: 0 });

      // Another tenant reaches none of it.
      const other = await createAccount({ label: "agents-http-other" });
      expect(await findings(other, "finops")).toEqual([]);
      expect((await call(findingsRoute, "GET", "/x?agent=churn", { token: other.token })).status).toBe(404);
      expect(
        (await call(findingRoute, "PATCH", "/x", { token: other.token, params: { id: acme.id }, body: { status: "dismissed" } })).status,
      ).toBe(404);
      expect((await call(runRoute, "POST", "/x", { token: other.token, params: { id: "churn" }, body: {} })).status).toBe(404);
    } finally {
      await engine.stop();
    }
  }, 120_000);

  it("runs from the CLI against a tenant's current views, recorded as any run, with bad arguments refused", async () => {
    const owner = await createAccount({ label: "agents-cli" });
    const conn = await createConnectionVia(owner.token, { name: "CRM", type: "file", config: {} });
    for (const file of ["crm_opportunities.csv", "billing_invoices.csv"])
      expect((await uploadFile(owner.token, conn.id, file, readFileSync(`mock_sources/${file}`, "utf8"))).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    await connectVia(owner.token);
    const db = systemDb(await getDb(), "test: the CLI's own client");
    const { slug } = await db.tenant.findUniqueOrThrow({ where: { id: owner.tenantId }, select: { slug: true } });
    const report = await agentCommand(db, ["run", "revops", "--tenant", slug, "--as-of", "2026-11-01"]);
    expect(report.run).toMatchObject({ trigger: "cli", status: "success" });
    expect(report.findings.length).toBeGreaterThan(0);
    const text = formatAgentReport(report);
    expect(text).toContain(`revops on ${slug}: ${report.findings.length} finding(s)`);
    expect(text).toContain(report.findings[0]!.title);
    expect(
      (await call(runsRoute, "GET", "/x?agent=revops", { token: owner.token })).json.runs.map((r: { trigger: string }) => r.trigger),
    ).toEqual(["cli"]);
    await expect(agentCommand(db, ["run"])).rejects.toThrow("usage: npm run aos -- agent run");
    await expect(agentCommand(db, ["run", "revops", "--tenant", slug, "--as-of", "yesterday"])).rejects.toThrow("--as-of takes a date");
    await expect(agentCommand(db, ["run", "nope", "--tenant", slug])).rejects.toThrow("Agent not found");
  });

  it("queues scheduled runs once per scheduled time, and none for a disabled agent", async () => {
    const owner = await createAccount({ label: "agents-schedule" });
    const ctx = await ctxOf(owner);
    await call(listRoute, "GET", "/x", { token: owner.token });
    expect(
      (await call(updateRoute, "PATCH", "/x", { token: owner.token, params: { id: "revops" }, body: { enabled: false } })).status,
    ).toBe(200);
    expect(
      (await call(updateRoute, "PATCH", "/x", { token: owner.token, params: { id: "finops" }, body: { schedule: "*/5 * * * *" } })).status,
    ).toBe(200);
    expect(
      (
        await call(updateRoute, "PATCH", "/x", {
          token: owner.token,
          params: { id: "finops" },
          body: { endpoint: "https://x.example.com" },
        })
      ).status,
    ).toBe(422);
    const base = await getDb();
    const later = new Date(Date.now() + 11 * 60_000);
    await queueScheduledRuns(base, later);
    expect(await queueScheduledRuns(base, later)).toBe(0);
    const tasks = await ctx.db.task.findMany({ where: { tenantId: owner.tenantId, type: "agent.run" } });
    expect(tasks.map((t) => t.input)).toEqual([{ agent: "finops", trigger: "schedule" }]);
    expect((await call(runRoute, "POST", "/x", { token: owner.token, params: { id: "revops" }, body: {} })).status).toBe(409);
  });
});
