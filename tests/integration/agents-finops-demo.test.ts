import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/dcl/mappings/route";
import { POST as decideRoute } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { finopsAnalysis } from "@/lib/agents/finops";
import { withViewTables } from "@/lib/agents/view-tables";
import { scopedDb } from "../support/db";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { connectVia } from "../support/dcl";
import { call } from "../support/http";

// Everything expected here is computed from the demo files themselves (mock_sources/README.md
// documents the seeded cases), never from the agent's SQL.

const CUR = "aws_cost_line_items.csv";
const INVENTORY = "cloud_resources.jsonl";
const read = (name: string) => readFileSync(`mock_sources/${name}`, "utf8");

type LineItem = { account: string; service: string; day: string; cost: number };
const lineItems: LineItem[] = read(CUR)
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => {
    const cells = line.split(","); // no CUR field holds a comma or a quote
    if (cells.length !== 11) throw new Error(`unexpected CUR line: ${line}`);
    return { account: cells[2]!, service: cells[3]!, day: cells[6]!.slice(0, 10), cost: Number(cells[9]) };
  });
type InventoryItem = { instanceId: string; status: string; metrics: { cpuUtilizationPct: number | null }; monthlyCostUsd: number };
const inventory: InventoryItem[] = read(INVENTORY)
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line));

const round2 = (x: number) => Math.round(x * 100) / 100;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const mad = (xs: number[]) => median(xs.map((x) => Math.abs(x - median(xs))));

/** One account's service, day by day (zero on a day without line items). */
function daily(account: string, service: string): (day: string) => number {
  const byDay = new Map<string, number>();
  for (const item of lineItems)
    if (item.account === account && item.service === service) byDay.set(item.day, (byDay.get(item.day) ?? 0) + item.cost);
  return (day) => byDay.get(day) ?? 0;
}

/** A day against the median and MAD of the 14 days before it. */
function scoreDay(cost: (day: string) => number, day: string) {
  const baseline = Array.from({ length: 14 }, (_, i) => cost(addDays(day, i - 14)));
  const expected = median(baseline);
  return { impact: cost(day) - expected, z: (cost(day) - expected) / (1.4826 * mad(baseline)) };
}

const PROD = "417382915604";
const RUNNING = new Set(["running", "available", "RUNNING", "VM running"]);

describe("FinOps agent over the demo sources", () => {
  it("finds the seeded cost spike and weekly rise, nothing else, and the idle resources with their savings", async () => {
    const owner = await createAccount({ label: "finops-demo" });
    const conn = await createConnectionVia(owner.token, { name: "Cloud exports", type: "file", config: { source: "upload" } });
    for (const name of [CUR, INVENTORY]) expect((await uploadFile(owner.token, conn.id, name, read(name))).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    await connectVia(owner.token);
    // A person approves what the matcher left for review (the CUR's account id), as on the demo tenant.
    const proposed = (await call(listRoute, "GET", "/api/v1/dcl/mappings?status=proposed", { token: owner.token })).json.items as {
      id: string;
      field: string;
      target: string | null;
    }[];
    expect(proposed.filter((m) => m.target).map((m) => `${m.field} -> ${m.target}`)).toContain(
      "lineItem/UsageAccountId -> cost.cloud_account_id",
    );
    for (const m of proposed.filter((p) => p.target)) {
      expect(
        (
          await call(decideRoute, "POST", `/api/v1/dcl/mappings/${m.id}/decision`, {
            token: owner.token,
            body: { decision: "approve" },
            params: { id: m.id },
          })
        ).status,
      ).toBe(200);
    }
    const built = await connectVia(owner.token);
    expect(Object.fromEntries(built.build.entities.filter((e) => e.rows > 0).map((e) => [e.entity, e.rows]))).toEqual({
      cost: lineItems.length,
      resource: inventory.length,
    });

    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    const { result, reruns } = await withViewTables(scope, ["cost", "resource"], async (duck) => {
      const result = await finopsAnalysis(duck, { asOf: new Date("2026-11-01T00:00:00Z") });
      const reruns = new Map<string, number>();
      for (const f of result.findings) reruns.set(f.key, (await duck.runAndReadAll(f.sql)).getRowObjectsJson().length);
      return { result, reruns };
    });
    const anomalies = result.findings.filter((f) => f.kind === "cost_anomaly");

    // The Lambda retry storm: one day, its impact over the median of the 14 days before, to the cent.
    const lambda = scoreDay(daily(PROD, "AWSLambda"), "2026-10-22");
    expect(lambda.impact).toBeGreaterThan(490);
    const spike = anomalies.find((f) => f.key === `cost_anomaly:day:aws|${PROD}|AWSLambda|USD:2026-10-22`);
    expect(spike).toMatchObject({
      window: { from: "2026-10-22", to: "2026-10-22" },
      impact: { amount: round2(lambda.impact), currency: "USD", per: "once" },
      severity: "medium",
    });
    expect(spike!.summary).toContain("function:ingest-events");

    // The week of extra egress: the week's sum over the median of the complete weeks before it.
    const transfer = daily(PROD, "AWSDataTransfer");
    const week = (monday: string) => Array.from({ length: 7 }, (_, i) => transfer(addDays(monday, i))).reduce((a, b) => a + b, 0);
    const before = ["2026-09-07", "2026-09-14", "2026-09-21", "2026-09-28", "2026-10-05"].map(week);
    const rise = week("2026-10-12") - median(before);
    const weekly = anomalies.find((f) => f.key === `cost_anomaly:week:aws|${PROD}|AWSDataTransfer|USD:2026-10-12`);
    expect(weekly).toMatchObject({
      window: { from: "2026-10-12", to: "2026-10-18" },
      impact: { amount: round2(rise), currency: "USD", per: "once" },
    });

    // The CloudWatch Logs burst is as extreme as a spike gets, but under the 50 USD minimum: not reported.
    const burst = scoreDay(daily(PROD, "AmazonCloudWatch"), "2026-10-08");
    expect(burst.z).toBeGreaterThan(3.5);
    expect(burst.impact).toBeLessThan(50);
    expect(anomalies.map((f) => f.key).sort()).toEqual([spike!.key, weekly!.key].sort());

    // Idle (CPU under 5%) and under-used (under 10%) running resources, with the monthly saving.
    const cpu = (r: InventoryItem) => r.metrics.cpuUtilizationPct;
    const running = inventory.filter((r) => RUNNING.has(r.status) && cpu(r) !== null);
    const idle = Object.fromEntries(running.filter((r) => cpu(r)! < 5).map((r) => [`idle:${r.instanceId}`, r.monthlyCostUsd]));
    const underused = Object.fromEntries(
      running.filter((r) => cpu(r)! >= 5 && cpu(r)! < 10).map((r) => [`underused:${r.instanceId}`, round2(r.monthlyCostUsd / 2)]),
    );
    expect(Object.keys(idle)).toHaveLength(14);
    const savings = (kind: string) =>
      Object.fromEntries(result.findings.filter((f) => f.kind === kind).map((f) => [f.key, f.impact!.amount]));
    expect(savings("idle_resource")).toEqual(idle);
    expect(savings("underused_resource")).toEqual(underused);
    expect(result.figures.savings).toMatchObject({
      idle: [{ currency: "USD", per: "month", amount: round2(Object.values(idle).reduce((a, b) => a + b, 0)), findings: 14 }],
    });

    // Spend over the 60 days of the CUR, and the biggest money first.
    expect(result.figures.spend).toMatchObject({
      window: { from: "2026-09-02", to: "2026-10-31" },
      totals: [{ currency: "USD", cost: round2(lineItems.reduce((a, b) => a + b.cost, 0)) }],
    });
    expect(result.findings[0]!.key).toBe(spike!.key);
    for (const f of result.findings) expect(reruns.get(f.key), f.key).toBeGreaterThan(0);
  });
});
