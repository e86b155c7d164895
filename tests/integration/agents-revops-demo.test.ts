import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { revopsAnalysis } from "@/lib/agents/revops";
import type { AnalysisResult } from "@/lib/agents/types";
import { withViewTables } from "@/lib/agents/view-tables";
import { createAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { scopedDb } from "../support/db";
import { connectVia } from "../support/dcl";

/*
 * The RevOps agent over the demo CRM and billing exports, loaded as a person would (uploads,
 * sync, connect), checked against figures worked out here from the files themselves.
 */

const FILES = ["crm_accounts.csv", "crm_opportunities.csv", "billing_invoices.csv"];
const AS_OF = "2026-11-01";
const asOf = new Date(`${AS_OF}T00:00:00Z`);
const DAY = 86_400_000;

type CsvRow = Record<string, string>;
const read = (name: string): CsvRow[] => parse(readFileSync(`mock_sources/${name}`, "utf8"), { columns: true, skip_empty_lines: true });

/** Whole UTC days from a day (YYYY-MM-DD) to AS_OF. */
const daysTo = (day: string) => Math.round((Date.parse(`${AS_OF}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY);
const utcDay = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);

/** What a RevOps analyst would work out from the exports by hand, money in cents. */
function handWorked() {
  const deals = read("crm_opportunities.csv");
  const open = deals.filter((d) => !d.Stage!.startsWith("Closed"));
  const stalled = open
    .filter((d) => daysTo(d["Created Date"]!.slice(0, 10)) >= 30 || d["Close Date"]! < AS_OF)
    .map((d) => d["Opportunity ID"]!);
  const pastClose = open.filter((d) => d["Close Date"]! < AS_OF).map((d) => d["Opportunity ID"]!);
  const weighted = new Map<string, number>();
  for (const d of open)
    if (d.Amount)
      weighted.set(
        d.Currency!.toUpperCase(),
        (weighted.get(d.Currency!.toUpperCase()) ?? 0) + Math.round(Number(d.Amount) * Number(d["Probability (%)"])),
      );

  const asOfSeconds = asOf.getTime() / 1000;
  const invoices = read("billing_invoices.csv")
    .map((i) => ({
      id: i.id!,
      account: i.customer!,
      cents: Number(i.amount_due),
      currency: i.currency!.toUpperCase(),
      status: i.status!,
      created: Number(i.created),
      due: i.due_date ? Number(i.due_date) : null,
      paid: i.paid_at ? Number(i.paid_at) : null,
    }))
    .filter((i) => i.created <= asOfSeconds);
  const outstanding = invoices
    .filter((i) => i.status === "open" || (i.status === "paid" && i.paid !== null && i.paid > asOfSeconds))
    .map((i) => ({ ...i, late: daysTo(utcDay(i.due ?? i.created)) }));
  const bucketOf = (late: number) => (late <= 0 ? "current" : late <= 30 ? "1-30" : late <= 60 ? "31-60" : late <= 90 ? "61-90" : "90+");
  const currencies = [...new Set(invoices.map((i) => i.currency))].sort();
  const ageing = new Map(currencies.map((c) => [c, Object.fromEntries(["current", "1-30", "31-60", "61-90", "90+"].map((b) => [b, 0]))]));
  for (const i of outstanding) ageing.get(i.currency)![bucketOf(i.late)]! += i.cents;
  const since = asOfSeconds - 90 * 86_400;
  const dso = new Map(
    currencies.map((c) => {
      const owed = outstanding.filter((i) => i.currency === c).reduce((s, i) => s + i.cents, 0);
      const sales = invoices
        .filter((i) => i.currency === c && !["draft", "void"].includes(i.status) && i.created > since)
        .reduce((s, i) => s + i.cents, 0);
      return [c, { owed, sales, days: sales ? Math.round((owed / sales) * 90 * 10) / 10 : null }];
    }),
  );
  const overdue = outstanding.filter((i) => i.late > 0);
  const owing = new Set([...overdue.map((i) => i.account), ...invoices.filter((i) => i.status === "uncollectible").map((i) => i.account)]);
  const atRisk = [...new Set(open.map((d) => d["Account ID"]!))].filter((a) => owing.has(a));
  return { stalled, pastClose, weighted, ageing, dso, overdue, atRisk };
}

describe("the RevOps agent over the demo exports", () => {
  let result: AnalysisResult;
  let reruns: number[];
  const hand = handWorked();

  beforeAll(async () => {
    const owner = await createAccount({ label: "revops-demo" });
    const conn = await createConnectionVia(owner.token, { name: "CRM and billing exports", type: "file", config: { source: "upload" } });
    for (const name of FILES) expect((await uploadFile(owner.token, conn.id, name, readFileSync(`mock_sources/${name}`))).status).toBe(201);
    await syncNow(owner.tenantId, conn.id);
    const connected = await connectVia(owner.token);
    expect(Object.fromEntries(connected.build.entities.map((e) => [e.entity, e.rows]))).toMatchObject({
      account: 60,
      opportunity: 120,
      invoice: 200,
    });
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    ({ result, reruns } = await withViewTables(scope, ["account", "opportunity", "invoice"], async (duck) => {
      const analysis = await revopsAnalysis(duck, { asOf });
      const counts = [];
      for (const f of analysis.findings) counts.push((await duck.runAndReadAll(f.sql)).getRowObjectsJS().length);
      return { result: analysis, reruns: counts };
    }));
  }, 120_000);

  const keys = (kind: string) =>
    result.findings
      .filter((f) => f.kind === kind)
      .map((f) => f.key)
      .sort();
  const figures = () => result.figures as Record<string, any>;

  it("finds exactly the open deals unchanged for 30 days or past their close date", () => {
    expect(hand.stalled.length).toBeGreaterThan(0);
    expect(keys("stalled_deal")).toEqual(hand.stalled.map((id) => `stalled_deal:${id}`).sort());
    const pastClose = result.findings
      .filter((f) => f.kind === "stalled_deal" && f.rows[0]!.past_close === true)
      .map((f) => String(f.rows[0]!.opportunity_id));
    expect(pastClose.sort()).toEqual([...hand.pastClose].sort());
  });

  it("weights the open pipeline per currency", () => {
    const byCurrency = figures().pipeline.byCurrency as { currency: string; weighted: number }[];
    expect(Object.fromEntries(byCurrency.map((c) => [c.currency, Math.round(c.weighted * 100)]))).toEqual(
      Object.fromEntries(hand.weighted),
    );
  });

  it("ages receivables into buckets to the cent, per currency", () => {
    const ageing = figures().receivables.ageing as { currency: string; buckets: { bucket: string; amount: number }[] }[];
    const owedCurrencies = [...hand.ageing].filter(([, b]) => Object.values(b).some((v) => v > 0)).map(([c]) => c);
    expect(ageing.map((a) => a.currency)).toEqual(owedCurrencies);
    for (const a of ageing)
      expect(Object.fromEntries(a.buckets.map((b) => [b.bucket, Math.round(b.amount * 100)])), a.currency).toEqual(
        hand.ageing.get(a.currency),
      );
  });

  it("computes DSO per currency from receivables and 90 days of credit sales", () => {
    const rows = figures().receivables.byCurrency as {
      currency: string;
      receivables: number;
      credit_sales: number;
      dso_days: number | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const want = hand.dso.get(row.currency)!;
      expect(
        { owed: Math.round(row.receivables * 100), sales: Math.round(row.credit_sales * 100), days: row.dso_days },
        row.currency,
      ).toEqual(want);
    }
  });

  it("lists the overdue invoices, and the customers who owe past due with open deals", () => {
    expect(hand.overdue.length).toBeGreaterThan(0);
    expect(keys("overdue_invoice")).toEqual(hand.overdue.map((i) => `overdue_invoice:${i.id}`).sort());
    for (const i of hand.overdue) {
      const finding = result.findings.find((f) => f.key === `overdue_invoice:${i.id}`)!;
      expect(finding.rows[0]).toMatchObject({ amount: i.cents / 100, currency: i.currency, days_past_due: i.late });
    }
    expect(keys("overdue_customer_open_deals")).toEqual(hand.atRisk.map((a) => `customer_at_risk:${a}`).sort());
  });

  it("gives each finding a query that finds its rows again on the views, ranked by severity then money", () => {
    expect(reruns).toEqual(result.findings.map((f) => f.rows.length));
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const order = result.findings.map((f) => [rank[f.severity], -(f.impact?.amount ?? 0)] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(result.queries.length).toBeGreaterThan(5);
  });
});
