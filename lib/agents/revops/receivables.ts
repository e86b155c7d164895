import type { FindingDraft } from "@/lib/agents/types";
import { formatMoney } from "./format";
import { severityFor, type RevopsRun } from "./options";
import {
  ACCOUNT_NAMES_CTE,
  bucketLabels,
  instantLiteral,
  invoicesCte,
  moneySum,
  narrowTo,
  numberLiteral,
  runQuery,
  utcDate,
  type QueryContext,
  type Row,
} from "./sql";

/** Receivables outstanding at `asOf` by currency and ageing bucket (days past due). */
export function ageingSql(run: RevopsRun): string {
  return `WITH ${invoicesCte(run)}
SELECT currency, bucket, count(*) AS invoices, coalesce(${moneySum("amount")}, 0) AS amount
FROM invoices WHERE outstanding
GROUP BY currency, bucket ORDER BY currency, bucket`;
}

/**
 * Per currency: receivables and the overdue part of them, credit sales, DSO, and what was written
 * off (uncollectible, issued by `asOf`).
 *
 * DSO (days sales outstanding) = receivables outstanding at `asOf` ÷ credit sales of the last
 * `dsoDays` days × `dsoDays`, where credit sales are the invoices issued in those days (issued
 * after `asOf` - `dsoDays` days, up to `asOf`), drafts and void ones aside. Null without credit
 * sales in the window. Never across currencies.
 */
export function receivablesSql(run: RevopsRun): string {
  const since = instantLiteral(new Date(run.asOf.getTime() - run.dsoDays * 86_400_000));
  const overdue = "outstanding AND days_past_due > 0";
  const sales = `state NOT IN ('draft', 'void') AND issued_at > ${since}`;
  return `WITH ${invoicesCte(run)},
book AS (
  SELECT currency, count(*) FILTER (WHERE outstanding) AS open_invoices, coalesce(${moneySum("amount", "outstanding")}, 0) AS receivables,
    count(*) FILTER (WHERE ${overdue}) AS overdue_invoices, coalesce(${moneySum("amount", overdue)}, 0) AS overdue,
    coalesce(${moneySum("amount", sales)}, 0) AS credit_sales,
    count(*) FILTER (WHERE state = 'uncollectible') AS written_off_invoices, coalesce(${moneySum("amount", "state = 'uncollectible'")}, 0) AS written_off
  FROM invoices GROUP BY currency)
SELECT currency, open_invoices, receivables, overdue_invoices, overdue, credit_sales,
  round(receivables / nullif(credit_sales, 0) * ${numberLiteral(run.dsoDays)}, 1) AS dso_days, written_off_invoices, written_off
FROM book WHERE open_invoices > 0 OR credit_sales > 0 OR written_off_invoices > 0
ORDER BY currency`;
}

/** Invoices outstanding past their due date (or, charged on issue, their issue date) at `asOf`. */
export function overdueInvoicesSql(run: RevopsRun, invoiceId?: string): string {
  return `WITH ${invoicesCte(run)}, ${ACCOUNT_NAMES_CTE}
SELECT invoice_id, number, account_id, account_name, round(amount, 2) AS amount, currency, state AS status, issued_at, due_at,
  CAST(${utcDate("coalesce(due_at, issued_at)")} AS VARCHAR) AS due_date, days_past_due, bucket
FROM invoices LEFT JOIN account_names USING (account_id)
WHERE outstanding AND days_past_due > 0${narrowTo("invoice_id", invoiceId)}
ORDER BY amount DESC, invoice_id`;
}

export type ReceivablesFigures = {
  ageing: { currency: string; buckets: { bucket: string; invoices: number; amount: number }[] }[];
  byCurrency: Row[];
  dso: { definition: string; days: number };
};

export async function analyseReceivables(ctx: QueryContext): Promise<{ figures: ReceivablesFigures; findings: FindingDraft[] }> {
  const { run } = ctx;
  const ageingRows = await runQuery(ctx, ageingSql(run));
  const byCurrency = await runQuery(ctx, receivablesSql(run));
  const overdue = await runQuery(ctx, overdueInvoicesSql(run));
  const labels = bucketLabels(run.ageingBuckets);
  const currencies = [...new Set(ageingRows.map((r) => String(r.currency)))];
  const ageing = currencies.map((currency) => ({
    currency,
    buckets: labels.map((bucket) => {
      const hit = ageingRows.find((r) => String(r.currency) === currency && r.bucket === bucket);
      return { bucket, invoices: (hit?.invoices as number) ?? 0, amount: (hit?.amount as number) ?? 0 };
    }),
  }));
  const dso = {
    definition: `receivables outstanding ÷ credit sales of the last ${run.dsoDays} days × ${run.dsoDays}, per currency`,
    days: run.dsoDays,
  };
  return { figures: { ageing, byCurrency, dso }, findings: overdue.map((row) => overdueFinding(run, row)) };
}

function overdueFinding(run: RevopsRun, row: Row): FindingDraft {
  const id = String(row.invoice_id);
  const amount = row.amount as number;
  const currency = String(row.currency);
  const customer = String(row.account_name ?? row.account_id ?? "an unknown customer");
  return {
    key: `overdue_invoice:${id}`,
    kind: "overdue_invoice",
    title: `Invoice ${row.number ?? id} to ${customer} is ${row.days_past_due} days overdue: ${formatMoney(amount, currency)}`,
    summary: `${formatMoney(amount, currency)} was due ${row.due_date} and is unpaid as of ${run.asOfDate} (${row.bucket} days past due). Chase the payment with ${customer}.`,
    severity: severityFor(amount, run.severityBands),
    impact: { amount, currency, per: "once" },
    window: { from: String(row.due_date), to: run.asOfDate },
    sql: overdueInvoicesSql(run, id),
    rows: [row],
    entities: ["invoice", "account"],
  };
}
