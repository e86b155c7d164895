import type { FindingDraft } from "@/lib/agents/types";
import { dayOf, formatMoney, formatPercent } from "./format";
import { severityFor, type RevopsRun } from "./options";
import { DEALS_CTE, dateLiteral, narrowTo, numberLiteral, runQuery, utcDate, type QueryContext, type Row } from "./sql";

/**
 * Open deals that are stalled as of `asOf`: no recorded change for `stalledDays` days, or a close
 * date that has passed while the deal is still open.
 *
 * The views say little about when a deal last changed, so this takes the best evidence they hold.
 * They keep only each record's current version; `_observed_at` is when that version was first read (a re-read of
 * an unchanged record stores nothing new). So:
 * - a deal whose version was first read after its stream's first read changed, at the latest then:
 *   `_observed_at` is its last change (the change may be a little older: anywhere since the read
 *   before);
 * - a deal still in the version of the stream's first read has never been seen to change: its last
 *   change is taken as `created_at`. It may have moved before we first read it, which this cannot
 *   see, so its days without change may be overstated; the row says which evidence was used.
 * Any change of the record counts, not only of its stage: the views cannot tell them apart, which
 * errs towards calling fewer deals stalled.
 */
export function stalledDealsSql(run: RevopsRun, opportunityId?: string): string {
  const asOf = dateLiteral(run.asOfDate);
  const days = numberLiteral(run.stalledDays);
  return `WITH ${DEALS_CTE},
reads AS (SELECT *, min(_observed_at) OVER (PARTITION BY _connection_id, _stream) AS first_read FROM deals),
evidence AS (
  SELECT *,
    CASE WHEN _observed_at > first_read THEN _observed_at ELSE created_at END AS last_change_at,
    CASE WHEN _observed_at > first_read THEN '_observed_at' ELSE 'created_at' END AS last_change_evidence
  FROM reads WHERE is_open),
aged AS (
  SELECT *, date_diff('day', ${utcDate("last_change_at")}, ${asOf}) AS days_without_change, date_diff('day', close_date, ${asOf}) AS days_after_close
  FROM evidence)
SELECT opportunity_id, account_id, name, stage, round(amount, 2) AS amount, currency, probability, CAST(close_date AS VARCHAR) AS close_date, owner,
  created_at, last_change_at, last_change_evidence, days_without_change, greatest(days_after_close, 0) AS days_past_close,
  coalesce(days_without_change >= ${days}, false) AS no_change, coalesce(days_after_close > 0, false) AS past_close
FROM aged
WHERE (days_without_change >= ${days} OR days_after_close > 0)${narrowTo("opportunity_id", opportunityId)}
ORDER BY amount DESC NULLS LAST, opportunity_id`;
}

export async function findStalledDeals(ctx: QueryContext): Promise<{ rows: Row[]; findings: FindingDraft[] }> {
  const rows = await runQuery(ctx, stalledDealsSql(ctx.run));
  const byDeal = new Map<string, Row[]>();
  for (const row of rows) byDeal.set(String(row.opportunity_id), [...(byDeal.get(String(row.opportunity_id)) ?? []), row]);
  return { rows, findings: [...byDeal].map(([id, deal]) => stalledFinding(ctx.run, id, deal)) };
}

function stalledFinding(run: RevopsRun, id: string, rows: Row[]): FindingDraft {
  const deal = rows[0]!;
  const name = String(deal.name ?? id);
  const amount = deal.amount as number | null;
  const currency = deal.currency as string | null;
  const [noChange, pastClose] = [deal.no_change === true, deal.past_close === true];
  const closeDate = deal.close_date as string | null;
  const lastChange = dayOf(deal.last_change_at);
  const title =
    noChange && pastClose
      ? `${name}: past its close date (${closeDate}) and unchanged for ${deal.days_without_change} days`
      : pastClose
        ? `${name}: still open ${deal.days_past_close} days after its close date (${closeDate})`
        : `${name}: no change in ${deal.days_without_change} days`;
  const evidence =
    deal.last_change_evidence === "_observed_at"
      ? "when a changed version was first read"
      : "its creation: no change seen since the first read";
  const action = pastClose
    ? "Ask the owner to move the close date or close the deal out."
    : "Confirm a dated next step with the owner, or take it out of the forecast.";
  const value = amount === null ? "no amount" : `${formatMoney(amount, currency)} at ${formatPercent(deal.probability as number | null)}`;
  const from =
    [lastChange, pastClose ? closeDate : null].filter((d): d is string => d !== null && d <= run.asOfDate).sort()[0] ?? run.asOfDate;
  return {
    key: `stalled_deal:${id}`,
    kind: "stalled_deal",
    title,
    summary: `${deal.stage ?? "(no stage)"}, ${value}, owner ${deal.owner ?? "(none)"}. Last recorded change ${lastChange ?? "unknown"} (${evidence}); close date ${closeDate ?? "none"}. ${action}`,
    severity: severityFor(amount, run.severityBands),
    impact: amount === null || !currency ? null : { amount, currency, per: "once" },
    window: { from, to: run.asOfDate },
    sql: stalledDealsSql(run, id),
    rows,
    entities: ["opportunity"],
  };
}
