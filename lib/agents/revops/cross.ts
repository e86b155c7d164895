import type { FindingDraft } from "@/lib/agents/types";
import { formatMoney, plural } from "./format";
import { severityFor, type RevopsRun } from "./options";
import {
  ACCOUNT_NAMES_CTE,
  DEALS_CTE,
  invoicesCte,
  moneySum,
  narrowTo,
  runQuery,
  utcDate,
  weightedSum,
  type QueryContext,
  type Row,
} from "./sql";

const OVERDUE = "outstanding AND days_past_due > 0";
const WRITTEN_OFF = "state = 'uncollectible'";

/**
 * Customers who owe money past due (overdue receivables, or invoices written off as
 * uncollectible) and have open deals: one row per customer and currency.
 */
export function customersAtRiskSql(run: RevopsRun, accountId?: string): string {
  return `WITH ${invoicesCte(run)}, ${DEALS_CTE}, ${ACCOUNT_NAMES_CTE},
unpaid AS (
  SELECT account_id, currency, count(*) FILTER (WHERE ${OVERDUE}) AS overdue_invoices, coalesce(${moneySum("amount", OVERDUE)}, 0) AS overdue,
    max(days_past_due) FILTER (WHERE ${OVERDUE}) AS oldest_days_past_due,
    count(*) FILTER (WHERE ${WRITTEN_OFF}) AS written_off_invoices, coalesce(${moneySum("amount", WRITTEN_OFF)}, 0) AS written_off,
    CAST(min(${utcDate("coalesce(due_at, issued_at)")}) FILTER (WHERE (${OVERDUE}) OR ${WRITTEN_OFF}) AS VARCHAR) AS oldest_unpaid_due_date
  FROM invoices GROUP BY account_id, currency
  HAVING count(*) FILTER (WHERE (${OVERDUE}) OR ${WRITTEN_OFF}) > 0),
pipeline AS (
  SELECT account_id, currency, count(*) AS open_deals, coalesce(${moneySum("amount")}, 0) AS open_amount, coalesce(${weightedSum()}, 0) AS weighted,
    string_agg(DISTINCT owner, ', ' ORDER BY owner) AS deal_owners
  FROM deals WHERE is_open GROUP BY account_id, currency)
SELECT account_id, account_name, currency, coalesce(overdue_invoices, 0) AS overdue_invoices, coalesce(overdue, 0) AS overdue, oldest_days_past_due,
  coalesce(written_off_invoices, 0) AS written_off_invoices, coalesce(written_off, 0) AS written_off, oldest_unpaid_due_date,
  coalesce(open_deals, 0) AS open_deals, coalesce(open_amount, 0) AS open_amount, coalesce(weighted, 0) AS weighted, deal_owners
FROM unpaid FULL JOIN pipeline USING (account_id, currency) LEFT JOIN account_names USING (account_id)
WHERE account_id IN (SELECT account_id FROM unpaid) AND account_id IN (SELECT account_id FROM pipeline)${narrowTo("account_id", accountId)}
ORDER BY account_id, currency`;
}

export async function findCustomersAtRisk(ctx: QueryContext): Promise<FindingDraft[]> {
  const rows = await runQuery(ctx, customersAtRiskSql(ctx.run));
  const byAccount = new Map<string, Row[]>();
  for (const row of rows) byAccount.set(String(row.account_id), [...(byAccount.get(String(row.account_id)) ?? []), row]);
  return [...byAccount].map(([id, account]) => atRiskFinding(ctx.run, id, account));
}

/** Severity and impact follow the largest unpaid amount (overdue + written off) in one currency. */
function atRiskFinding(run: RevopsRun, id: string, rows: Row[]): FindingDraft {
  const customer = String(rows[0]!.account_name ?? id);
  const num = (r: Row, k: string) => (r[k] as number | null) ?? 0;
  const unpaid = rows
    .map((r) => ({ currency: String(r.currency), amount: Math.round((num(r, "overdue") + num(r, "written_off")) * 100) / 100 }))
    .filter((u) => u.amount > 0);
  const top = [...unpaid].sort((a, b) => b.amount - a.amount)[0] ?? null;
  const list = (k: string) =>
    rows
      .filter((r) => num(r, k) > 0)
      .map((r) => formatMoney(num(r, k), String(r.currency)))
      .join(" + ") || "none";
  const count = (k: string) => rows.reduce((n, r) => n + num(r, k), 0);
  const oldest = Math.max(...rows.map((r) => num(r, "oldest_days_past_due")));
  const owners =
    [
      ...new Set(
        rows.flatMap((r) =>
          String(r.deal_owners ?? "")
            .split(", ")
            .filter(Boolean),
        ),
      ),
    ]
      .sort()
      .join(", ") || "no owner";
  const from =
    rows
      .map((r) => r.oldest_unpaid_due_date as string | null)
      .filter((d): d is string => d !== null)
      .sort()[0] ?? run.asOfDate;
  const overdueText =
    count("overdue_invoices") > 0
      ? `${plural(count("overdue_invoices"), "overdue invoice")} (${list("overdue")}), the oldest ${oldest} days past due`
      : "no overdue invoice";
  const writtenOffText =
    count("written_off_invoices") > 0 ? `; ${plural(count("written_off_invoices"), "invoice")} written off (${list("written_off")})` : "";
  return {
    key: `customer_at_risk:${id}`,
    kind: "overdue_customer_open_deals",
    title: `${customer} owes ${unpaid.map((u) => formatMoney(u.amount, u.currency)).join(" + ")} past due and has ${list("open_amount")} in open deals`,
    summary:
      `${overdueText}${writtenOffText}. ${plural(count("open_deals"), "open deal")} worth ${list("open_amount")} (weighted ${list("weighted")}), owned by ${owners}. ` +
      `Collect or agree a payment plan before closing new business, and consider prepayment terms.`,
    severity: severityFor(top?.amount ?? null, run.severityBands),
    impact: top ? { amount: top.amount, currency: top.currency, per: "once" } : null,
    window: { from: from <= run.asOfDate ? from : run.asOfDate, to: run.asOfDate },
    sql: customersAtRiskSql(run, id),
    rows,
    entities: ["invoice", "opportunity", "account"],
  };
}
