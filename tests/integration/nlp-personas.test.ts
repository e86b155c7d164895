import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as summaryRoute } from "@/app/api/v1/nlp/persona/summary/route";
import { POST as routeRoute } from "@/app/api/v1/nlp/route/route";
import { env } from "@/lib/env";
import { personaSummary } from "@/lib/nlp/personas/summary";
import type { Figure, PersonaSummary } from "@/lib/nlp/personas/types";
import { createAccount, type TestAccount } from "../support/accounts";
import { createConnectionVia, syncNow, uploadFile } from "../support/aam";
import { scopedDb } from "../support/db";
import { connectVia } from "../support/dcl";
import { call } from "../support/http";
import { llmAnswer, mockLlm } from "../support/llm";

/*
 * Persona summaries over the demo exports, loaded as a person would (upload, sync, connect), and
 * checked against figures worked out here from the files themselves.
 */

const FILES = ["crm_accounts.csv", "crm_opportunities.csv", "billing_invoices.csv", "aws_cost_line_items.csv", "cloud_resources.jsonl"];
const AS_OF = "2026-11-01";
const asOfSeconds = Date.parse(`${AS_OF}T00:00:00Z`) / 1000;
const DAY = 86_400;

type CsvRow = Record<string, string>;
const read = (name: string): CsvRow[] => parse(readFileSync(`mock_sources/${name}`, "utf8"), { columns: true, skip_empty_lines: true });
const utcDay = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** What a finance or sales analyst works out from the exports by hand; money in cents. */
function handWorked() {
  const invoices = read("billing_invoices.csv")
    .map((i) => ({
      cents: Number(i.amount_due),
      currency: i.currency!.toUpperCase(),
      status: i.status!,
      created: Number(i.created),
      due: i.due_date ? Number(i.due_date) : null,
      paid: i.paid_at ? Number(i.paid_at) : null,
    }))
    .filter((i) => i.created <= asOfSeconds);
  const since = asOfSeconds - 90 * DAY;
  const invoiced = new Map<string, number>();
  const collected = new Map<string, number>();
  const overdue = new Map<string, number>();
  const owed = new Map<string, number>();
  for (const i of invoices) {
    if (!["draft", "void"].includes(i.status) && i.created > since) add(invoiced, i.currency, i.cents);
    if (i.status === "paid" && i.paid !== null && i.paid > since && i.paid <= asOfSeconds) add(collected, i.currency, i.cents);
    const outstanding = i.status === "open" || (i.status === "paid" && i.paid !== null && i.paid > asOfSeconds);
    if (outstanding) add(owed, i.currency, i.cents);
    if (outstanding && utcDay(i.due ?? i.created) < AS_OF) add(overdue, i.currency, i.cents);
  }
  const dso = new Map([...invoiced].map(([c, sales]) => [c, Math.round(((owed.get(c) ?? 0) / sales) * 90 * 10) / 10]));

  const weighted = new Map<string, number>();
  for (const d of read("crm_opportunities.csv"))
    if (!d.Stage!.startsWith("Closed") && d.Amount)
      add(weighted, d.Currency!.toUpperCase(), Math.round(Number(d.Amount) * Number(d["Probability (%)"])));

  const lines = readFileSync("mock_sources/aws_cost_line_items.csv", "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split(","));
  const lastDay = lines
    .map((c) => c[6]!.slice(0, 10))
    .sort()
    .at(-1)!;
  const from = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 29 * DAY * 1000).toISOString().slice(0, 10);
  const spend30 = lines.filter((c) => c[6]!.slice(0, 10) >= from).reduce((s, c) => s + Number(c[9]), 0);

  // The inventory's running states across clouds, as the FinOps demo test reads them; idle is under 5% CPU.
  const RUNNING = new Set(["running", "available", "RUNNING", "VM running"]);
  const inventory = readFileSync("mock_sources/cloud_resources.jsonl", "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { status: string; metrics: { cpuUtilizationPct: number | null }; monthlyCostUsd: number });
  const idleCents = inventory
    .filter((r) => RUNNING.has(r.status) && r.metrics.cpuUtilizationPct !== null && r.metrics.cpuUtilizationPct < 5)
    .reduce((s, r) => s + Math.round(r.monthlyCostUsd * 100), 0);

  const names = [
    ...read("crm_accounts.csv").map((a) => a["Account Name"]!),
    ...read("crm_opportunities.csv").map((d) => d.Owner!),
    ...read("crm_accounts.csv").map((a) => a["Account Owner"]!),
  ];
  return {
    invoiced,
    collected,
    overdue,
    dso,
    weighted,
    spend30: Math.round(spend30 * 100),
    idleCents,
    names: [...new Set(names.filter(Boolean))],
  };
}

const cents = (figures: Figure[], key: string) =>
  Object.fromEntries(figures.filter((f) => f.key === key && f.value !== null).map((f) => [f.currency, Math.round(f.value! * 100)]));
const summaryOf = (token: string, persona: string, asOf = AS_OF) =>
  call(summaryRoute, "GET", `/api/v1/nlp/persona/summary?persona=${persona}&asOf=${asOf}`, { token });

describe("persona summaries over the demo exports", () => {
  const hand = handWorked();
  let a: TestAccount;
  let b: TestAccount;
  let cfo: PersonaSummary;
  let cro: PersonaSummary;

  beforeAll(async () => {
    [a, b] = await Promise.all([createAccount({ label: "persona-a" }), createAccount({ label: "persona-b" })]);
    const conn = await createConnectionVia(a.token, { name: "Finance, CRM and cloud exports", type: "file", config: { source: "upload" } });
    for (const name of FILES) expect((await uploadFile(a.token, conn.id, name, readFileSync(`mock_sources/${name}`))).status).toBe(201);
    await syncNow(a.tenantId, conn.id);
    await connectVia(a.token);
    const [cfoRes, croRes] = [await summaryOf(a.token, "cfo"), await summaryOf(a.token, "cro")];
    expect(cfoRes.status, JSON.stringify(cfoRes.json)).toBe(200);
    expect(croRes.status).toBe(200);
    [cfo, cro] = [cfoRes.json, croRes.json];
  }, 180_000);

  it("gives the CFO invoiced, collected and overdue money and DSO per currency, as worked out by hand", () => {
    expect(cfo).toMatchObject({ persona: "cfo", demo: false, asOf: AS_OF });
    expect(hand.invoiced.size).toBeGreaterThan(1);
    expect(cents(cfo.figures, "invoiced_90d")).toEqual(Object.fromEntries(hand.invoiced));
    expect(cents(cfo.figures, "collected_90d")).toEqual(Object.fromEntries(hand.collected));
    expect(cents(cfo.figures, "overdue_receivables")).toEqual(
      Object.fromEntries([...hand.overdue, ...[...hand.invoiced.keys()].filter((c) => !hand.overdue.has(c)).map((c) => [c, 0] as const)]),
    );
    expect(Object.fromEntries(cfo.figures.filter((f) => f.key === "dso_days").map((f) => [f.currency, f.value]))).toEqual(
      Object.fromEntries(hand.dso),
    );
    expect(cents(cfo.figures, "cloud_spend_30d")).toEqual({ USD: hand.spend30 });
    expect(hand.idleCents).toBe(215_646);
    expect(cents(cfo.figures, "idle_savings_month")).toEqual({ USD: hand.idleCents });
  });

  it("gives the CRO the weighted pipeline per currency, as worked out by hand", () => {
    expect(cents(cro.figures, "weighted_pipeline")).toEqual(Object.fromEntries(hand.weighted));
    const byStage = new Map<string, number>();
    for (const f of cro.figures.filter((x) => x.key === "weighted_by_stage")) add(byStage, f.currency!, Math.round(f.value! * 100));
    expect(Object.fromEntries(byStage)).toEqual(Object.fromEntries(hand.weighted));
    expect(cro.figures.find((f) => f.key === "win_rate")!.value).toBeGreaterThan(0);
    expect(cro.figures.find((f) => f.key === "stalled_deals")!.value).toBeGreaterThan(0);
  });

  it("gives the CTO spend by service adding up to the 30 days' spend, and the COO the review items waiting", async () => {
    const cto = (await summaryOf(a.token, "cto")).json as PersonaSummary;
    const services = cto.figures.filter((f) => f.key === "spend_by_service_30d");
    expect(services.length).toBeGreaterThan(2);
    expect(services.reduce((s, f) => s + Math.round(f.value! * 100), 0)).toBeCloseTo(hand.spend30, -1);
    expect(cto.figures.find((f) => f.key === "anomalies")!.value).toBeGreaterThan(0);
    const coo = (await summaryOf(a.token, "coo")).json as PersonaSummary;
    expect(coo.figures.filter((f) => f.key === "inbox_waiting").reduce((s, f) => s + f.value!, 0)).toBeGreaterThan(0);
  });

  it("says where every figure came from and how fresh it is, and never labels live content demo", () => {
    expect(cfo.freshness.viewsBuiltAt).toBeTruthy();
    for (const f of [...cfo.figures, ...cro.figures]) {
      expect(f.demo).toBe(false);
      expect(f.query.length).toBeGreaterThan(10);
      if (f.source === "views") expect(f.asOf).toBe(cfo.freshness.viewsBuiltAt);
    }
    expect(cfo.narrative.by).toBe("template");
    expect(cro.highlights.length).toBeGreaterThan(0);
  });

  it("shows another tenant none of A's figures: nulls with a note, and the operations counts of its own", async () => {
    const res = await summaryOf(b.token, "cfo");
    expect(res.status).toBe(200);
    const money = (res.json as PersonaSummary).figures.filter((f) => f.unit === "money");
    expect(money.every((f) => f.value === null && f.note)).toBe(true);
    expect((await summaryOf(b.token, "cro")).json.figures.every((f: Figure) => f.value === null || f.value === 0)).toBe(true);
    const coo = (await summaryOf(b.token, "coo")).json as PersonaSummary;
    expect(coo.figures.find((f) => f.key === "connections_by_status" && f.dimension?.status === "active")!.value).toBe(0);
    const cooA = (await summaryOf(a.token, "coo")).json as PersonaSummary;
    expect(cooA.figures.find((f) => f.key === "connections_by_status" && f.dimension?.status === "active")!.value).toBe(1);
  });

  it("answers 422 with a message for a persona that does not exist", async () => {
    for (const persona of ["ceo", ""]) {
      const res = await summaryOf(a.token, persona);
      expect(res.status).toBe(422);
      expect(JSON.stringify(res.json)).toContain("persona must be one of cfo, cro, coo, cto");
    }
  });

  it("answers fixed demo content labelled demo when DEMO_MODE is on", async () => {
    const saved = env.demoMode;
    env.demoMode = true;
    try {
      const res = await summaryOf(a.token, "cto");
      expect(res.json.demo).toBe(true);
      expect(res.json.figures.every((f: Figure) => f.demo && f.source === "demo")).toBe(true);
      expect(res.json.narrative.text).toMatch(/^Demo: /);
      expect((await summaryOf(b.token, "cto")).json.figures).toEqual(res.json.figures);
    } finally {
      env.demoMode = saved;
    }
  });

  it("sends the model the CRO's figures only: no account or owner name", async () => {
    const prompts: string[] = [];
    const model = mockLlm(async (options) => {
      prompts.push(JSON.stringify(options.prompt));
      return llmAnswer({ narrative: "Briefing." });
    });
    const scope = { tenantId: a.tenantId, db: await scopedDb(a.tenantId) };
    const summary = await personaSummary(scope, "cro", { asOf: new Date(`${AS_OF}T00:00:00Z`), model, demo: false });
    expect(summary.narrative).toEqual({ text: "Briefing.", by: "llm" });
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain("Weighted pipeline (amount × probability)");
    expect(hand.names.length).toBeGreaterThan(20);
    for (const name of hand.names) expect(prompts[0], name).not.toContain(name);
  });

  it("routes a question to the persona named, or to the classifier's", async () => {
    const classified = await call(routeRoute, "POST", "/api/v1/nlp/route", {
      token: a.token,
      body: { question: "Which deals are stalled in the pipeline?" },
    });
    expect(classified.json).toMatchObject({ persona: "cro", by: "classifier" });
    expect(classified.json.scores.cro).toBeGreaterThan(0);
    const explicit = await call(routeRoute, "POST", "/api/v1/nlp/route", {
      token: a.token,
      body: { question: "Which deals are stalled?", persona: "coo" },
    });
    expect(explicit.json).toMatchObject({ persona: "coo", by: "explicit" });
  });
});
