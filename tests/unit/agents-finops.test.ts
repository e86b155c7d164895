import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { finopsAnalysis } from "@/lib/agents/finops";
import type { AnalysisResult } from "@/lib/agents/types";
import { closeDuckDb, withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";

afterAll(() => closeDuckDb());

type Cost = { day: string; cost: number; service?: string; account?: string; currency?: string; resource?: string | null; region?: string };
type Resource = { id: string; cpu: number | null; monthly: number | null; state?: string; type?: string; observed?: string };

const START = "2026-01-05"; // a Monday
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const text = (v: string | null | undefined) => (v == null ? "NULL" : quoteLiteral(v));

/** One cost series: `values[i]` is the cost of day START + i. */
const series = (values: number[], extra: Omit<Cost, "day" | "cost"> = {}): Cost[] =>
  values.map((cost, i) => ({ day: addDays(START, i), cost, ...extra }));

/** A seeded PRNG (mulberry32): "random" noise that is the same on every run. */
function noise(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The `cost` and `resource` views as the unified views have them: the ontology's columns plus the metadata. */
async function load(duck: DuckDBConnection, costs: Cost[], resources: Resource[] = []) {
  const meta = "_connection_id VARCHAR, _stream VARCHAR, _source_record_id VARCHAR, _mapping_version INTEGER, _observed_at TIMESTAMPTZ";
  await duck.run(`CREATE TEMP TABLE cost (cost_id VARCHAR, provider VARCHAR, cloud_account_id VARCHAR, service VARCHAR, resource_id VARCHAR, region VARCHAR,
    usage_start TIMESTAMPTZ, usage_quantity DOUBLE, usage_unit VARCHAR, cost DOUBLE, currency VARCHAR, ${meta})`);
  await duck.run(
    `CREATE TEMP TABLE resource (resource_id VARCHAR, provider VARCHAR, resource_type VARCHAR, region VARCHAR, state VARCHAR, cpu_utilization DOUBLE, monthly_cost DOUBLE, ${meta})`,
  );
  if (costs.length > 0) {
    const rows = costs.map(
      (
        c,
        i,
      ) => `(${text(`c${i}`)}, 'aws', ${text(c.account ?? "111111111111")}, ${text(c.service ?? "AmazonEC2")}, ${text(c.resource === undefined ? "i-0abc" : c.resource)}, ${text(c.region ?? "us-east-1")},
      TIMESTAMPTZ '${c.day} 00:00:00+00', 24, 'Hrs', ${c.cost}, ${text(c.currency ?? "USD")}, 'conn', 'costs', ${text(`c${i}`)}, 1, TIMESTAMPTZ '2026-06-01 00:00:00+00')`,
    );
    await duck.run(`INSERT INTO cost VALUES ${rows.join(",\n")}`);
  }
  if (resources.length > 0) {
    const rows = resources.map(
      (
        r,
        i,
      ) => `(${text(r.id)}, 'aws', ${text(r.type ?? "m5.large")}, 'us-east-1', ${text(r.state ?? "running")}, ${r.cpu ?? "NULL"}, ${r.monthly ?? "NULL"},
      'conn', 'inventory', ${text(`r${i}`)}, 1, TIMESTAMPTZ '${r.observed ?? "2026-06-01"} 00:00:00+00')`,
    );
    await duck.run(`INSERT INTO resource VALUES ${rows.join(",\n")}`);
  }
}

async function analyse(
  costs: Cost[],
  resources: Resource[] = [],
  options: Parameters<typeof finopsAnalysis>[1] = { asOf: new Date("2026-06-01") },
) {
  return withDuckDb(async (duck) => {
    await load(duck, costs, resources);
    const result = await finopsAnalysis(duck, options);
    // Every finding's SQL runs as-is against the same views and gives back the rows it carries.
    for (const f of result.findings) {
      const rows = (await duck.runAndReadAll(f.sql)).getRowObjectsJson();
      expect(rows.length, f.key).toBeGreaterThan(0);
      expect(rows.slice(-50), f.key).toEqual(f.rows);
    }
    // Every query it reports runs too.
    for (const sql of result.queries) await duck.runAndReadAll(sql);
    return result;
  });
}

const anomalies = (r: AnalysisResult) => r.findings.filter((f) => f.kind === "cost_anomaly");

describe("FinOps anomalies", () => {
  it("finds nothing on a flat series, daily or weekly", async () => {
    const result = await analyse(series(Array(70).fill(100)));
    expect(anomalies(result)).toEqual([]);
    expect(result.figures.spend).toMatchObject({ window: { from: addDays(START, 10), to: addDays(START, 69) } });
  });

  it("finds nothing in a noisy series with a weekly rhythm (quiet weekends, ±15% noise)", async () => {
    const rand = noise(7);
    const values = Array.from({ length: 70 }, (_, i) => (i % 7 >= 5 ? 40 : 100) * (0.85 + 0.3 * rand()));
    expect(anomalies(await analyse(series(values)))).toEqual([]);
  });

  it("finds a spike above the rule and the minimum impact, with the impact over the median of the 14 days before", async () => {
    const rand = noise(11);
    const values = Array.from({ length: 60 }, () => 100 + 10 * rand());
    values[50] = 400;
    const result = await analyse(
      series(values, { service: "AWSLambda", resource: "arn:aws:lambda:us-east-1:111111111111:function:ingest" }),
    );
    const spikeDay = addDays(START, 50);
    const expected = median(values.slice(36, 50));

    const found = anomalies(result);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      key: `cost_anomaly:day:aws|111111111111|AWSLambda|USD:${spikeDay}`,
      window: { from: spikeDay, to: spikeDay },
      impact: { amount: Math.round((400 - expected) * 100) / 100, currency: "USD", per: "once" },
      severity: "medium",
      entities: ["cost"],
    });
    expect(found[0]!.summary).toContain("arn:aws:lambda:us-east-1:111111111111:function:ingest");
    expect(found[0]!.rows.at(-1)).toMatchObject({ day: spikeDay, cost: 400, anomalous: true });
    // The spike's week is not reported again as a weekly anomaly: the daily finding carries the money.
    expect(found.filter((f) => f.key.startsWith("cost_anomaly:week"))).toEqual([]);
  });

  it("keeps the same key and impact when the next day's data arrives, and ignores the wall clock", async () => {
    const rand = noise(13);
    const values = Array.from({ length: 45 }, () => 100 + 10 * rand());
    values[44] = 500; // the last day of data
    const today = anomalies(await analyse(series(values), [], { asOf: new Date("2030-01-01") }));
    const tomorrow = anomalies(await analyse(series([...values, 101]), [], { asOf: new Date("2026-02-19") }));
    expect(today).toHaveLength(1);
    expect(tomorrow.map((f) => [f.key, f.impact, f.window])).toEqual(today.map((f) => [f.key, f.impact, f.window]));
  });

  it("does not report a statistically extreme spike below the minimum impact", async () => {
    const rand = noise(17);
    const values = Array.from({ length: 60 }, () => 10 + rand());
    values[50] = 40; // z far above 3.5, but 30 more than usual, under the default minimum of 50
    expect(anomalies(await analyse(series(values)))).toEqual([]);
    // The minimum is what keeps it out.
    expect(anomalies(await analyse(series(values), [], { asOf: new Date("2026-06-01"), minImpact: 20 }))).toHaveLength(1);
  });

  it("finds a week of raised spend that no single day shows", async () => {
    // A 7-day rhythm whose weeks all sum to 700, and one week (the 8th of 10) 70 a day higher.
    const rhythm = [60, 140, 80, 120, 100, 70, 130];
    const values = Array.from({ length: 70 }, (_, i) => rhythm[i % 7]! + (i >= 49 && i < 56 ? 70 : 0));
    const found = anomalies(await analyse(series(values)));
    const week = addDays(START, 49);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      key: `cost_anomaly:week:aws|111111111111|AmazonEC2|USD:${week}`,
      window: { from: week, to: addDays(week, 6) },
      impact: { amount: 490, currency: "USD", per: "once" },
    });
  });

  it("does not flag a week within what the days' spread allows, even when earlier weeks summed alike", async () => {
    // Weeks of the rhythm sum to exactly 700 (no week-to-week spread), but the days swing by ±40:
    // 15 a day more for a week (105) is well inside that.
    const rhythm = [60, 140, 80, 120, 100, 70, 130];
    const values = Array.from({ length: 70 }, (_, i) => rhythm[i % 7]! + (i >= 49 && i < 56 ? 15 : 0));
    expect(anomalies(await analyse(series(values)))).toEqual([]);
  });

  it("keeps currencies apart: one anomaly per currency, totals per currency", async () => {
    const flat = (currency: string, level: number, spike: number) => {
      const values = Array(40).fill(level);
      values[35] = spike;
      return series(values, { currency, service: "O'Brien's \"odd\" service" });
    };
    const result = await analyse([...flat("USD", 100, 300), ...flat("EUR", 80, 200)]);
    expect(anomalies(result).map((f) => f.impact)).toEqual([
      { amount: 200, currency: "USD", per: "once" },
      { amount: 120, currency: "EUR", per: "once" },
    ]);
    const spend = result.figures.spend as { totals: { currency: string; cost: number }[] };
    expect(spend.totals).toEqual([
      expect.objectContaining({ currency: "EUR", cost: 80 * 39 + 200 }),
      expect.objectContaining({ currency: "USD", cost: 100 * 39 + 300 }),
    ]);
    expect((result.figures.anomalies as { impact: unknown[] }).impact).toEqual([
      { currency: "EUR", per: "once", amount: 120, findings: 1 },
      { currency: "USD", per: "once", amount: 200, findings: 1 },
    ]);
  });
});

describe("FinOps idle and under-used resources", () => {
  it("finds idle resources to stop and under-used ones to downsize, with the monthly saving", async () => {
    const result = await analyse(
      [],
      [
        { id: "i-idle", cpu: 2.5, monthly: 200 },
        { id: "i-small", cpu: 7, monthly: 300, type: "m5.2xlarge" },
        { id: "i-busy", cpu: 55, monthly: 900 },
        { id: "i-stopped", cpu: 0, monthly: 8, state: "stopped" },
        { id: "i-unknown", cpu: null, monthly: 50 },
        // Idle once, stopped since: the latest observation counts.
        { id: "i-was-idle", cpu: 1, monthly: 400, observed: "2026-05-01" },
        { id: "i-was-idle", cpu: null, monthly: 8, state: "stopped", observed: "2026-05-20" },
      ],
    );
    expect(result.findings.map((f) => [f.key, f.kind, f.impact, f.severity])).toEqual([
      ["idle:i-idle", "idle_resource", { amount: 200, currency: "USD", per: "month" }, "medium"],
      ["underused:i-small", "underused_resource", { amount: 150, currency: "USD", per: "month" }, "medium"],
    ]);
    expect(result.findings[0]).toMatchObject({
      window: null,
      entities: ["resource"],
      rows: [expect.objectContaining({ resource_id: "i-idle", cpu_utilization: 2.5, monthly_cost: 200 })],
    });
    expect(result.figures.savings).toEqual({
      idle: [{ currency: "USD", per: "month", amount: 200, findings: 1 }],
      underused: [{ currency: "USD", per: "month", amount: 150, findings: 1 }],
    });
  });

  it("ranks the recommendations by money", async () => {
    const values = Array(40).fill(100);
    values[30] = 400;
    const result = await analyse(series(values), [
      { id: "i-idle", cpu: 1, monthly: 250 },
      { id: "i-big", cpu: 3, monthly: 12_000 },
    ]);
    expect(result.findings.map((f) => [f.key, f.severity])).toEqual([
      ["idle:i-big", "critical"],
      [`cost_anomaly:day:aws|111111111111|AmazonEC2|USD:${addDays(START, 30)}`, "medium"],
      ["idle:i-idle", "medium"],
    ]);
  });

  it("answers with empty figures and no finding when there is no data", async () => {
    const result = await analyse([]);
    expect(result.findings).toEqual([]);
    expect(result.figures).toMatchObject({ data: null, spend: null, anomalies: { count: 0 } });
  });
});
