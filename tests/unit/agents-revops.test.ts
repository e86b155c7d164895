import type { DuckDBConnection } from "@duckdb/node-api";
import { afterAll, describe, expect, it } from "vitest";
import { revopsAnalysis } from "@/lib/agents/revops";
import type { AnalysisResult, FindingDraft } from "@/lib/agents/types";
import { closeDuckDb, withDuckDb } from "@/lib/duckdb/engine";
import { quoteLiteral } from "@/lib/duckdb/sql";

const asOf = new Date("2026-11-01T00:00:00Z");
const LINEAGE = {
  _connection_id: "VARCHAR",
  _stream: "VARCHAR",
  _source_record_id: "VARCHAR",
  _mapping_version: "INTEGER",
  _observed_at: "TIMESTAMPTZ",
};
const COLUMNS = {
  account: {
    account_id: "VARCHAR",
    name: "VARCHAR",
    domain: "VARCHAR",
    industry: "VARCHAR",
    annual_revenue: "DOUBLE",
    employee_count: "BIGINT",
    country: "VARCHAR",
    owner: "VARCHAR",
    created_at: "TIMESTAMPTZ",
    ...LINEAGE,
  },
  opportunity: {
    opportunity_id: "VARCHAR",
    account_id: "VARCHAR",
    name: "VARCHAR",
    amount: "DOUBLE",
    currency: "VARCHAR",
    stage: "VARCHAR",
    probability: "DOUBLE",
    close_date: "DATE",
    owner: "VARCHAR",
    created_at: "TIMESTAMPTZ",
    is_won: "BOOLEAN",
    ...LINEAGE,
  },
  invoice: {
    invoice_id: "VARCHAR",
    account_id: "VARCHAR",
    number: "VARCHAR",
    amount: "DOUBLE",
    currency: "VARCHAR",
    status: "VARCHAR",
    issued_at: "TIMESTAMPTZ",
    due_at: "TIMESTAMPTZ",
    paid_at: "TIMESTAMPTZ",
    ...LINEAGE,
  },
};
type Entity = keyof typeof COLUMNS;
type Values = Record<string, string | number | boolean | null>;

function literal(v: Values[string] | undefined): string {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "string") return quoteLiteral(v);
  return String(v);
}

/** A temp table named as the view, with the ontology's column types. */
async function table(duck: DuckDBConnection, entity: Entity, rows: Values[]) {
  const cols = Object.entries(COLUMNS[entity]);
  const select = rows.length
    ? `SELECT ${cols.map(([c, t]) => `CAST(${c} AS ${t}) AS ${c}`).join(", ")} FROM (VALUES ${rows.map((r) => `(${cols.map(([c]) => literal(r[c])).join(", ")})`).join(", ")}) AS t(${cols.map(([c]) => c).join(", ")})`
    : `SELECT ${cols.map(([c, t]) => `CAST(NULL AS ${t}) AS ${c}`).join(", ")} WHERE false`;
  await duck.run(`CREATE OR REPLACE TEMP TABLE ${entity} AS ${select}`);
}

const FIRST_READ = "2026-10-25T08:00:00Z";
const LATER_READ = "2026-10-28T08:00:00Z";
const opp = (o: Values): Values => ({ _connection_id: "crm", _stream: "opportunities", _observed_at: FIRST_READ, ...o });
const inv = (i: Values): Values => ({ _connection_id: "billing", _stream: "invoices", _observed_at: FIRST_READ, ...i });

const ACCOUNTS: Values[] = ["Acme", "Stale Co", "Past Co", "Quiet Co", "Gone Co", "Moved Co", "Risky Co"].map((name, i) => ({
  account_id: `a${[1, 2, 3, 4, 5, 6, 9][i]}`,
  name,
}));

const OPPORTUNITIES: Values[] = [
  opp({
    opportunity_id: "o1",
    account_id: "a1",
    name: "Acme - Platform",
    amount: 100000,
    currency: "USD",
    stage: "Proposal",
    probability: 0.5,
    close_date: "2026-12-15",
    owner: "Ann",
    created_at: "2026-10-20T10:00:00Z",
    is_won: false,
  }),
  // Never seen to change since it was created in May: stalled.
  opp({
    opportunity_id: "o2",
    account_id: "a2",
    name: "Stale Co - Expansion",
    amount: 60000,
    currency: "usd",
    stage: "Negotiation",
    probability: 0.8,
    close_date: "2026-12-01",
    owner: "Bob",
    created_at: "2026-05-01T10:00:00Z",
    is_won: false,
  }),
  // Changed lately, but its close date has passed while open.
  opp({
    opportunity_id: "o3",
    account_id: "a3",
    name: "Past Co - Renewal",
    amount: 20000,
    currency: "EUR",
    stage: "qualification",
    probability: 0.2,
    close_date: "2026-10-15",
    owner: "Bob",
    created_at: "2026-10-10T10:00:00Z",
    is_won: false,
    _observed_at: LATER_READ,
  }),
  // Old, but a changed version was read four days ago: not stalled.
  opp({
    opportunity_id: "o4",
    account_id: "a6",
    name: "Moved Co - Pilot",
    amount: 40000,
    currency: "USD",
    stage: "proposal",
    probability: 0.5,
    close_date: "2027-01-15",
    owner: "Ann",
    created_at: "2026-01-01T10:00:00Z",
    is_won: false,
    _observed_at: LATER_READ,
  }),
  opp({
    opportunity_id: "o5",
    account_id: "a1",
    name: "Acme - Seats",
    amount: 50000,
    currency: "USD",
    stage: "Closed Won",
    probability: 1,
    close_date: "2026-10-10",
    owner: "Ann",
    created_at: "2026-07-12T09:00:00Z",
    is_won: true,
  }),
  opp({
    opportunity_id: "o6",
    account_id: "a3",
    name: "Past Co - Seats",
    amount: 30000,
    currency: "EUR",
    stage: "closed won",
    probability: 1,
    close_date: "2026-09-20",
    owner: "Bob",
    created_at: "2026-08-21T09:00:00Z",
    is_won: true,
  }),
  opp({
    opportunity_id: "o7",
    account_id: "a4",
    name: "Quiet Co - Seats",
    amount: 10000,
    currency: "USD",
    stage: "Closed Lost",
    probability: 0,
    close_date: "2026-10-05",
    owner: "Ann",
    created_at: "2026-09-01T09:00:00Z",
    is_won: false,
  }),
  opp({
    opportunity_id: "o8",
    account_id: "a5",
    name: "Gone Co - Seats",
    amount: 5000,
    currency: "EUR",
    stage: "CLOSED LOST",
    probability: 0,
    close_date: "2026-08-01",
    owner: "Bob",
    created_at: "2026-06-01T09:00:00Z",
    is_won: null,
  }),
  opp({
    opportunity_id: "o9",
    account_id: "a9",
    name: "Risky Co - Add-on",
    amount: 15000,
    currency: "EUR",
    stage: "Prospecting",
    probability: 0.1,
    close_date: "2027-02-01",
    owner: "Cem",
    created_at: "2026-10-20T10:00:00Z",
    is_won: false,
  }),
  opp({
    opportunity_id: "o10",
    account_id: "a6",
    name: "Moved Co - Seats",
    amount: 70000,
    currency: "USD",
    stage: "Closed Won",
    probability: 1,
    close_date: "2026-10-20",
    owner: "Ann",
    created_at: "2026-09-20T09:00:00Z",
    is_won: true,
  }),
];

const INVOICES: Values[] = [
  inv({
    invoice_id: "i1",
    account_id: "a1",
    number: "INV-1",
    amount: 1000,
    currency: "USD",
    status: "open",
    issued_at: "2026-10-15T12:00:00Z",
    due_at: "2026-11-14T12:00:00Z",
  }),
  inv({
    invoice_id: "i2",
    account_id: "a2",
    number: "INV-2",
    amount: 2000,
    currency: "USD",
    status: "open",
    issued_at: "2026-09-01T12:00:00Z",
    due_at: "2026-10-01T12:00:00Z",
  }),
  inv({
    invoice_id: "i3",
    account_id: "a3",
    number: "INV-3",
    amount: 500.5,
    currency: "USD",
    status: "open",
    issued_at: "2026-09-20T12:00:00Z",
    due_at: "2026-10-20T12:00:00Z",
  }),
  inv({
    invoice_id: "i4",
    account_id: "a9",
    number: "INV-4",
    amount: 3000,
    currency: "EUR",
    status: "open",
    issued_at: "2026-06-01T12:00:00Z",
    due_at: "2026-07-01T12:00:00Z",
  }),
  inv({
    invoice_id: "i5",
    account_id: "a9",
    number: "INV-5",
    amount: 700,
    currency: "EUR",
    status: "open",
    issued_at: "2026-07-20T12:00:00Z",
    due_at: "2026-08-19T12:00:00Z",
  }),
  inv({
    invoice_id: "i6",
    account_id: "a1",
    number: "INV-6",
    amount: 4000,
    currency: "USD",
    status: "paid",
    issued_at: "2026-09-10T12:00:00Z",
    due_at: "2026-10-10T12:00:00Z",
    paid_at: "2026-10-12T12:00:00Z",
  }),
  // Paid after asOf: still owed as of then.
  inv({
    invoice_id: "i7",
    account_id: "a2",
    number: "INV-7",
    amount: 1500,
    currency: "USD",
    status: "paid",
    issued_at: "2026-08-15T12:00:00Z",
    due_at: "2026-09-14T12:00:00Z",
    paid_at: "2026-11-05T12:00:00Z",
  }),
  inv({
    invoice_id: "i8",
    account_id: "a4",
    number: null,
    amount: 9999,
    currency: "USD",
    status: "draft",
    issued_at: "2026-10-30T12:00:00Z",
    due_at: "2026-11-29T12:00:00Z",
  }),
  inv({
    invoice_id: "i9",
    account_id: "a4",
    number: "INV-9",
    amount: 8888,
    currency: "USD",
    status: "void",
    issued_at: "2026-10-01T12:00:00Z",
    due_at: "2026-10-02T12:00:00Z",
  }),
  inv({
    invoice_id: "i10",
    account_id: "a5",
    number: "INV-10",
    amount: 1200,
    currency: "EUR",
    status: "uncollectible",
    issued_at: "2026-05-01T12:00:00Z",
    due_at: "2026-05-31T12:00:00Z",
  }),
  // Charged on issue (no due date), still open a week later.
  inv({
    invoice_id: "i11",
    account_id: "a4",
    number: "INV-11",
    amount: 250,
    currency: "USD",
    status: "open",
    issued_at: "2026-10-25T12:00:00Z",
    due_at: null,
  }),
  inv({
    invoice_id: "i12",
    account_id: "a3",
    number: "INV-12",
    amount: 2000,
    currency: "EUR",
    status: "paid",
    issued_at: "2026-10-01T12:00:00Z",
    due_at: "2026-10-31T12:00:00Z",
    paid_at: "2026-10-20T12:00:00Z",
  }),
];

async function analyse(
  book: { opportunity: Values[]; invoice: Values[]; account?: Values[] },
  options: Partial<Parameters<typeof revopsAnalysis>[1]> = {},
) {
  return withDuckDb(async (duck) => {
    await table(duck, "account", book.account ?? ACCOUNTS);
    await table(duck, "opportunity", book.opportunity);
    await table(duck, "invoice", book.invoice);
    const result = await revopsAnalysis(duck, { asOf, ...options });
    const reruns = await Promise.all(result.findings.map(async (f) => (await duck.runAndReadAll(f.sql)).getRowObjectsJS().length));
    const queriesRun = await Promise.all(result.queries.map(async (q) => (await duck.runAndReadAll(q), true)));
    return { result, reruns, queriesRun };
  });
}

const byKey = (result: AnalysisResult, key: string) => result.findings.find((f) => f.key === key);
const figures = (result: AnalysisResult) => result.figures as Record<string, any>;

describe("the RevOps analysis", () => {
  afterAll(() => closeDuckDb());

  it("sums the open pipeline and weighted pipeline by stage, one currency at a time", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES });
    const pipeline = figures(result).pipeline;
    expect(pipeline.byCurrency).toEqual([
      { currency: "EUR", deals: 2, amount: 35000, weighted: 5500 },
      { currency: "USD", deals: 3, amount: 200000, weighted: 118000 },
    ]);
    // "Proposal" and "proposal" are one stage; stages in funnel order (by probability).
    expect(pipeline.byStage.filter((s: any) => s.currency === "USD").map((s: any) => [s.stage, s.deals, s.amount, s.weighted])).toEqual([
      ["Proposal", 2, 140000, 70000],
      ["Negotiation", 1, 60000, 48000],
    ]);
    // The current quarter: won so far, and what can still close in it; no target, no coverage.
    expect(pipeline.period.find((p: any) => p.currency === "USD")).toMatchObject({
      period: "2026-Q4",
      target: null,
      won_amount: 120000,
      pipeline_deals: 2,
      pipeline_amount: 160000,
      remaining: null,
      coverage: null,
    });
  });

  it("counts win rate, average deal size and sales cycle by owner and by period", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES });
    const { byOwner, byPeriod, window } = figures(result).performance;
    expect(window).toEqual({ from: "2025-10-01", to: "2026-11-01" });
    const ann = byOwner.find((o: any) => o.owner === "Ann");
    expect(ann).toMatchObject({ won_deals: 2, lost_deals: 1, win_rate: 0.6667, avg_sales_cycle_days: 60 });
    expect(ann.won_by_currency).toEqual([{ currency: "USD", won_deals: 2, won_amount: 120000, avg_deal_size: 60000 }]);
    expect(byOwner.find((o: any) => o.owner === "Bob")).toMatchObject({
      won_deals: 1,
      lost_deals: 1,
      win_rate: 0.5,
      avg_sales_cycle_days: 30,
    });
    expect(byPeriod.map((p: any) => [p.period, p.won_deals, p.lost_deals, p.win_rate])).toEqual([
      ["2025-Q4", 0, 0, null],
      ["2026-Q1", 0, 0, null],
      ["2026-Q2", 0, 0, null],
      ["2026-Q3", 1, 1, 0.5],
      ["2026-Q4", 2, 1, 0.6667],
    ]);
    expect(byPeriod.at(-1)).toMatchObject({ period_start: "2026-10-01", period_end: "2026-11-01" });
  });

  it("finds the deal without a change for N days and the deal past its close date, and no other open deal", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES });
    const stalled = result.findings.filter((f) => f.kind === "stalled_deal");
    expect(stalled.map((f) => f.key).sort()).toEqual(["stalled_deal:o2", "stalled_deal:o3"]);
    const quiet = byKey(result, "stalled_deal:o2")!;
    expect(quiet.rows[0]).toMatchObject({
      no_change: true,
      past_close: false,
      days_without_change: 184,
      last_change_evidence: expect.stringContaining("created_at"),
    });
    expect(quiet).toMatchObject({
      severity: "high",
      impact: { amount: 60000, currency: "USD", per: "once" },
      window: { from: "2026-05-01", to: "2026-11-01" },
    });
    const late = byKey(result, "stalled_deal:o3")!;
    expect(late.rows[0]).toMatchObject({
      no_change: false,
      past_close: true,
      days_past_close: 17,
      days_without_change: 4,
      last_change_evidence: expect.stringContaining("_observed_at"),
    });
    expect(late).toMatchObject({ severity: "medium", window: { from: "2026-10-15", to: "2026-11-01" } });
    // A longer threshold leaves only the deal past its close date.
    const { result: patient } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES }, { stalledDays: 200 });
    expect(patient.findings.filter((f) => f.kind === "stalled_deal").map((f) => f.key)).toEqual(["stalled_deal:o3"]);
  });

  it("ages receivables as of the day, buckets them, and computes DSO per currency", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES });
    const { ageing, byCurrency } = figures(result).receivables;
    expect(ageing).toEqual([
      {
        currency: "EUR",
        buckets: [
          { bucket: "current", invoices: 0, amount: 0 },
          { bucket: "1-30", invoices: 0, amount: 0 },
          { bucket: "31-60", invoices: 0, amount: 0 },
          { bucket: "61-90", invoices: 1, amount: 700 },
          { bucket: "90+", invoices: 1, amount: 3000 },
        ],
      },
      {
        currency: "USD",
        buckets: [
          { bucket: "current", invoices: 1, amount: 1000 },
          { bucket: "1-30", invoices: 2, amount: 750.5 },
          { bucket: "31-60", invoices: 2, amount: 3500 },
          { bucket: "61-90", invoices: 0, amount: 0 },
          { bucket: "90+", invoices: 0, amount: 0 },
        ],
      },
    ]);
    // USD: 5,250.50 owed ÷ 9,250.50 invoiced in 90 days × 90; EUR: 3,700 ÷ 2,000 × 90. Drafts and void invoices are neither.
    expect(byCurrency).toEqual([
      {
        currency: "EUR",
        open_invoices: 2,
        receivables: 3700,
        overdue_invoices: 2,
        overdue: 3700,
        credit_sales: 2000,
        dso_days: 166.5,
        written_off_invoices: 1,
        written_off: 1200,
      },
      {
        currency: "USD",
        open_invoices: 5,
        receivables: 5250.5,
        overdue_invoices: 4,
        overdue: 4250.5,
        credit_sales: 9250.5,
        dso_days: 51.1,
        written_off_invoices: 0,
        written_off: 0,
      },
    ]);
    const overdue = result.findings.filter((f) => f.kind === "overdue_invoice");
    expect(overdue.map((f) => f.key).sort()).toEqual(["i11", "i2", "i3", "i4", "i5", "i7"].map((id) => `overdue_invoice:${id}`).sort());
    expect(byKey(result, "overdue_invoice:i7")!.rows[0]).toMatchObject({ days_past_due: 48, bucket: "31-60", account_name: "Stale Co" });
    expect(byKey(result, "overdue_invoice:i11")!.rows[0]).toMatchObject({ days_past_due: 7, due_date: "2026-10-25" });
  });

  it("names the customers who owe past due and have open deals, each currency apart", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES });
    const risky = result.findings.filter((f) => f.kind === "overdue_customer_open_deals");
    expect(risky.map((f) => f.key).sort()).toEqual(["customer_at_risk:a2", "customer_at_risk:a3", "customer_at_risk:a9"]);
    const past = byKey(result, "customer_at_risk:a3")!;
    expect(past.rows.map((r) => [r.currency, r.overdue, r.open_deals, r.open_amount])).toEqual([
      ["EUR", 0, 1, 20000],
      ["USD", 500.5, 0, 0],
    ]);
    expect(past.impact).toEqual({ amount: 500.5, currency: "USD", per: "once" });
    expect(byKey(result, "customer_at_risk:a9")!.rows).toEqual([
      expect.objectContaining({ currency: "EUR", overdue: 3700, overdue_invoices: 2, oldest_days_past_due: 123, open_amount: 15000 }),
    ]);
    // Gone Co has only a written-off invoice and no open deal.
    expect(byKey(result, "customer_at_risk:a5")).toBeUndefined();
  });

  it("flags a period target the pipeline does not cover three times, and ranks by severity then money", async () => {
    const { result } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES }, { periodTarget: { usd: 300000 } });
    const coverage = byKey(result, "pipeline_coverage:2026-Q4:USD")!;
    expect(coverage.rows[0]).toMatchObject({
      target: 300000,
      won_amount: 120000,
      remaining: 180000,
      pipeline_amount: 160000,
      weighted_pipeline: 98000,
      coverage: 0.89,
      forecast: 218000,
    });
    expect(coverage).toMatchObject({
      severity: "critical",
      impact: { amount: 380000, currency: "USD", per: "once" },
      window: { from: "2026-10-01", to: "2026-12-31" },
    });
    expect(result.findings[0]!.key).toBe(coverage.key);
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const order = result.findings.map((f) => [rank[f.severity], -(f.impact?.amount ?? 0)] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    // A target already met needs no pipeline.
    const { result: met } = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES }, { periodTarget: { USD: 100000 } });
    expect(met.findings.filter((f) => f.kind === "pipeline_coverage")).toEqual([]);
  });

  it("gives every finding a query that reruns as logged, and the same keys on every run", async () => {
    const first = await analyse({ opportunity: OPPORTUNITIES, invoice: INVOICES }, { periodTarget: { USD: 300000 } });
    expect(first.result.findings.length).toBeGreaterThan(0);
    first.result.findings.forEach((f: FindingDraft, i) => {
      expect(first.reruns[i], f.key).toBe(f.rows.length);
      expect(f.rows.length).toBeGreaterThan(0);
      expect(f.entities.length).toBeGreaterThan(0);
    });
    expect(first.queriesRun.every(Boolean)).toBe(true);
    expect(first.result.queries.length).toBeGreaterThanOrEqual(9);
    const second = await analyse(
      { opportunity: [...OPPORTUNITIES].reverse(), invoice: [...INVOICES].reverse() },
      { periodTarget: { USD: 300000 } },
    );
    expect(second.result.findings.map((f) => f.key)).toEqual(first.result.findings.map((f) => f.key));
  });

  it("keeps a quoted tenant string a literal in the finding's SQL", async () => {
    const tricky = "o'1; DROP TABLE opportunity; --";
    const book = {
      opportunity: [
        opp({
          opportunity_id: tricky,
          account_id: "a1",
          name: "Acme's deal",
          amount: 5000,
          currency: "USD",
          stage: "Proposal",
          probability: 0.5,
          close_date: "2026-10-01",
          owner: "Ann",
          created_at: "2026-09-01T00:00:00Z",
          is_won: false,
        }),
      ],
      invoice: [],
    };
    const { result, reruns } = await analyse(book);
    expect(result.findings.map((f) => f.key)).toEqual([`stalled_deal:${tricky}`]);
    expect(reruns).toEqual([1]);
  });

  it("refuses options it cannot honour", async () => {
    await expect(analyse({ opportunity: [], invoice: [] }, { periodTarget: { "US'D": 1 } })).rejects.toThrow();
    await expect(analyse({ opportunity: [], invoice: [] }, { stalledDays: 0 })).rejects.toThrow();
    await expect(analyse({ opportunity: [], invoice: [] }, { ageingBuckets: [60, 30] })).rejects.toThrow();
  });

  it("finds nothing on a clean book", async () => {
    const { result } = await analyse(
      {
        opportunity: [
          opp({
            opportunity_id: "c1",
            account_id: "a1",
            name: "Acme - New",
            amount: 25000,
            currency: "USD",
            stage: "Qualification",
            probability: 0.2,
            close_date: "2026-12-20",
            owner: "Ann",
            created_at: "2026-10-20T00:00:00Z",
            is_won: false,
          }),
          opp({
            opportunity_id: "c2",
            account_id: "a1",
            name: "Acme - Old",
            amount: 25000,
            currency: "USD",
            stage: "Negotiation",
            probability: 0.8,
            close_date: "2027-01-20",
            owner: "Ann",
            created_at: "2026-02-01T00:00:00Z",
            is_won: false,
            _observed_at: LATER_READ,
          }),
          opp({
            opportunity_id: "c3",
            account_id: "a1",
            name: "Acme - Won",
            amount: 10000,
            currency: "USD",
            stage: "Closed Won",
            probability: 1,
            close_date: "2026-10-01",
            owner: "Ann",
            created_at: "2026-09-01T00:00:00Z",
            is_won: true,
          }),
        ],
        invoice: [
          inv({
            invoice_id: "k1",
            account_id: "a1",
            number: "K-1",
            amount: 10000,
            currency: "USD",
            status: "open",
            issued_at: "2026-10-20T00:00:00Z",
            due_at: "2026-11-19T00:00:00Z",
          }),
          inv({
            invoice_id: "k2",
            account_id: "a1",
            number: "K-2",
            amount: 900,
            currency: "USD",
            status: "paid",
            issued_at: "2026-09-20T00:00:00Z",
            due_at: "2026-10-20T00:00:00Z",
            paid_at: "2026-10-10T00:00:00Z",
          }),
        ],
      },
      { periodTarget: { USD: 10000 } },
    );
    expect(result.findings).toEqual([]);
    expect(figures(result).receivables.byCurrency).toEqual([
      expect.objectContaining({ currency: "USD", receivables: 10000, overdue: 0, dso_days: 82.6 }),
    ]);
  });

  it("answers empty figures and no findings over empty views", async () => {
    const { result } = await analyse({ opportunity: [], invoice: [], account: [] });
    expect(result.findings).toEqual([]);
    expect(figures(result).pipeline.byCurrency).toEqual([]);
    expect(figures(result).receivables.ageing).toEqual([]);
  });
});
