import { describe, expect, it } from "vitest";
import { formatRelative } from "@/components/control-center/format";
import { finopsHeadline, revopsHeadline } from "@/lib/control-center/agent-figures";
import { describeDecision, describeDrift, describeSync } from "@/lib/control-center/activity-words";
import { fillDays, lastDays, utcDay, windowStart } from "@/lib/control-center/days";
import { demoHeadlines } from "@/lib/control-center/demo-figures";
import { firstRunGuide } from "@/lib/control-center/first-run";
import { describePanel } from "@/lib/live-data/panels";

const NOW = new Date("2026-11-29T09:30:00Z");

describe("trends by day", () => {
  it("lists the window's UTC days oldest first, ending today, across a month's end", () => {
    expect(lastDays(new Date("2026-12-02T23:59:59Z"), 4)).toEqual(["2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(windowStart(NOW, 14).toISOString()).toBe("2026-11-16T00:00:00.000Z");
  });

  it("fills the days without rows with zeros, adds rows of one day, and leaves out rows outside the window", () => {
    const points = fillDays(
      [
        { day: "2026-11-29", ok: 2 },
        { day: "2026-11-27", ok: 1, failed: 3 },
        { day: "2026-11-29", ok: 1 },
        { day: "2026-11-20", ok: 9 },
      ],
      ["ok", "failed"] as const,
      NOW,
      3,
    );
    expect(points).toEqual([
      { day: "2026-11-27", ok: 1, failed: 3 },
      { day: "2026-11-28", ok: 0, failed: 0 },
      { day: "2026-11-29", ok: 3, failed: 0 },
    ]);
  });

  it("buckets instants by their UTC day, not the server's", () => {
    const instants = [new Date("2026-11-28T23:59:59.999Z"), new Date("2026-11-29T00:00:00Z"), new Date("2026-11-29T08:00:00+05:00")];
    const points = fillDays(
      instants.map((at) => ({ day: utcDay(at), count: 1 })),
      ["count"] as const,
      NOW,
      2,
    );
    expect(points).toEqual([
      { day: "2026-11-28", count: 1 },
      { day: "2026-11-29", count: 2 },
    ]);
  });
});

describe("the agents' headline figures", () => {
  it("leads with the currency with the most spend and sums only its daily rows, the last days of the data", () => {
    const h = finopsHeadline(
      {
        spend: {
          window: { from: "2026-10-01", to: "2026-10-03" },
          totals: [
            { currency: "EUR", cost: "500.5", last_7_days: 1, previous_7_days: 2 },
            { currency: "USD", cost: 900, last_7_days: 3, previous_7_days: 4 },
          ],
          daily: {
            service: [1, 2, 3].flatMap((d) => [
              { day: `2026-10-0${d}`, currency: "USD", cost: d },
              { day: `2026-10-0${d}`, currency: "USD", cost: 0.5 },
              { day: `2026-10-0${d}`, currency: "EUR", cost: 100 },
            ]),
          },
        },
        anomalies: { count: 1, impact: [{ currency: "USD", amount: 12 }] },
      },
      2,
    );
    expect(h.spend).toMatchObject({
      total: { amount: 900, currency: "USD" },
      others: [{ amount: 500.5, currency: "EUR" }],
      last7: 3,
      previous7: 4,
    });
    expect(h.trend).toEqual([
      { day: "2026-10-02", cost: 2.5 },
      { day: "2026-10-03", cost: 3.5 },
    ]);
  });

  it("reads malformed or empty figures as nothing found, never as a crash", () => {
    expect(finopsHeadline({ spend: "??", anomalies: { count: "x" } }, 14)).toEqual({
      spend: null,
      anomalies: { count: 0, impact: [] },
      trend: [],
    });
    expect(finopsHeadline(null, 14).spend).toBeNull();
    expect(revopsHeadline({ pipeline: { byCurrency: [{ currency: "USD", deals: 0, amount: 0, weighted: 0 }] } })).toEqual({
      pipeline: null,
      overdue: null,
      stalledDeals: 0,
    });
  });

  it("answers the open pipeline and overdue receivables per currency, largest first", () => {
    const h = revopsHeadline({
      pipeline: {
        byCurrency: [
          { currency: "EUR", deals: 2, amount: 10, weighted: 5 },
          { currency: "USD", deals: 3, amount: 30, weighted: 12 },
        ],
      },
      receivables: { byCurrency: [{ currency: "USD", overdue_invoices: 1, overdue: 7 }] },
      counts: { stalledDeals: 4 },
    });
    expect(h).toEqual({
      pipeline: { total: { amount: 30, currency: "USD" }, weighted: 12, deals: 3, others: [{ amount: 10, currency: "EUR" }] },
      overdue: { total: { amount: 7, currency: "USD" }, invoices: 1, others: [] },
      stalledDeals: 4,
    });
  });

  it("takes demo mode's figures from the assistant's demo content", () => {
    const demo = demoHeadlines();
    expect(demo.finops.spend?.total).toEqual({ amount: 84_120, currency: "USD" });
    expect(demo.revops.overdue?.total).toEqual({ amount: 187_300, currency: "USD" });
    expect(demo.revops.overdue?.others).toEqual([{ amount: 41_900, currency: "EUR" }]);
  });
});

describe("the panels' sources", () => {
  it("says Demo only for a panel that has demo wording, with the reason when given", () => {
    expect(describePanel("finops", "demo")).toMatchObject({ mode: "demo", source: "demo figures, not your data" });
    expect(describePanel("finops", "demo", "from the sample files")).toMatchObject({ mode: "demo", source: "from the sample files" });
    expect(describePanel("tasks", "demo")).toMatchObject({ mode: "live", source: "task history in the database" });
  });
});

describe("the first-run guide", () => {
  it("points at the first step not done and stays until an agent has run", () => {
    const none = firstRunGuide({ connections: 0, mappingsInForce: 0, mappingsWaiting: 0, agentRuns: 0, questions: 0 });
    expect(none).toMatchObject({ current: "connect", show: true });
    const waiting = firstRunGuide({ connections: 2, mappingsInForce: 0, mappingsWaiting: 5, agentRuns: 0, questions: 0 });
    expect(waiting.current).toBe("review");
    expect(waiting.steps[1]!.state).toBe("5 proposals waiting for review");
    const ran = firstRunGuide({ connections: 1, mappingsInForce: 3, mappingsWaiting: 0, agentRuns: 1, questions: 0 });
    expect(ran).toMatchObject({ current: "ask", show: false });
  });
});

describe("activity in words", () => {
  const at = new Date("2026-11-29T09:00:00Z");

  it("says what a sync stored, that it stored nothing, or why it failed", () => {
    const sync = (over: object) =>
      describeSync({
        id: "t",
        at,
        failed: false,
        error: null,
        connectionId: "c",
        connection: "CRM",
        result: { read: { a: { stored: 2 }, b: { stored: 1 } } },
        ...over,
      });
    expect(sync({})).toMatchObject({ text: "Synced CRM: 3 new or changed records", tone: "ok", href: "/connections/c" });
    expect(sync({ result: { read: {} } }).text).toBe("Synced CRM: nothing new");
    expect(sync({ failed: true, error: "The server refused the password" })).toMatchObject({
      text: "Sync of CRM failed: The server refused the password",
      tone: "error",
    });
    expect(sync({ connection: null }).href).toBe("/connections");
  });

  it("sums a batch of schema changes and sends it to the inbox when some wait", () => {
    const e = (status: string) => ({ id: status, connectionId: "c", createdAt: at, status });
    expect(describeDrift([e("applied"), e("pending")], "CRM")).toMatchObject({
      text: "2 schema changes on CRM: 1 applied, 1 waiting for review",
      href: "/inbox?kind=schema",
      tone: "warn",
    });
  });

  it("names who decided, or the repair agent", () => {
    const d = { id: "d", createdAt: at, kind: "mapping", stream: "deals", field: "amt", fromField: null, target: "opportunity.amount" };
    expect(describeDecision({ ...d, action: "approve" }, "Ana").text).toBe("Ana approved the mapping deals.amt → opportunity.amount");
    expect(describeDecision({ ...d, kind: "repair", action: "auto_apply", fromField: "amount" }, null).text).toBe(
      "The repair agent remapped deals.amt → opportunity.amount (it continues amount)",
    );
    expect(describeDecision({ ...d, kind: "schema", action: "reject", target: null }, "Ana").text).toBe(
      "Ana rejected a schema change on deals.amt",
    );
  });

  it("tells relative times in words", () => {
    expect(formatRelative(new Date(NOW.getTime() - 20_000), NOW)).toBe("just now");
    expect(formatRelative(new Date(NOW.getTime() - 5 * 60_000), NOW)).toBe("5 min ago");
    expect(formatRelative(new Date(NOW.getTime() - 3 * 3_600_000), NOW)).toBe("3 h ago");
    expect(formatRelative(new Date(NOW.getTime() - 26 * 3_600_000), NOW)).toBe("yesterday");
    expect(formatRelative(new Date("2026-11-01T00:00:00Z"), NOW)).toBe("1 Nov");
  });
});
