import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "@/lib/duckdb/sql";
import type { RevopsRun } from "./options";

export type Row = Record<string, unknown>;

/** A run's connection and every query it ran, in order (the result's `queries`). */
export type QueryContext = { duck: DuckDBConnection; run: RevopsRun; queries: string[] };

/** Runs one query, logs it, and answers plain rows: BIGINT as number, instants as ISO strings. */
export async function runQuery(ctx: QueryContext, sql: string): Promise<Row[]> {
  ctx.queries.push(sql);
  const result = await ctx.duck.runAndReadAll(sql);
  return result.getRowObjectsJS().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
}

function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Every literal in a query goes through these: queries are re-run by people exactly as logged. */
export const dateLiteral = (isoDate: string) => `DATE ${quoteLiteral(isoDate)}`;
export const instantLiteral = (at: Date) => `TIMESTAMPTZ ${quoteLiteral(at.toISOString())}`;
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return String(n);
}

/** The UTC calendar date of an instant, whatever the session's time zone. */
export const utcDate = (instant: string) => `CAST(timezone('UTC', ${instant}) AS DATE)`;

/**
 * A sum of money, exact to the thousandth (two- and three-decimal currencies): the amounts are
 * summed as decimals, not doubles. Null when no row has an amount.
 */
export const moneySum = (amount: string, filter?: string) =>
  `CAST(sum(CAST(${amount} AS DECIMAL(38, 3)))${filter ? ` FILTER (WHERE ${filter})` : ""} AS DOUBLE)`;

/** Amount × probability summed, to the cent. */
export const weightedSum = (filter?: string) => `round(sum(amount * probability)${filter ? ` FILTER (WHERE ${filter})` : ""}, 2)`;

/**
 * The opportunity view with each deal's outcome. Won: `is_won`, or a stage that says won
 * ("Closed Won", "closed won", "ClosedWon", "Won"); lost: a stage that says lost or just closed.
 * Open: neither. Currency is compared upper-case.
 */
export const DEALS_CTE = `deals AS (
  SELECT *, NOT (won OR lost) AS is_open FROM (
    SELECT * REPLACE (upper(trim(currency)) AS currency),
      coalesce(is_won, false) OR coalesce(regexp_matches(lower(trim(stage)), '^(closed[^a-z]*)?won$'), false) AS won,
      NOT coalesce(is_won, false) AND coalesce(regexp_matches(lower(trim(stage)), '^((closed[^a-z]*)?lost|closed)$'), false) AS lost
    FROM opportunity))`;

/** Account names by id (an id in several sources named once). */
export const ACCOUNT_NAMES_CTE = `account_names AS (SELECT account_id, min(name) AS account_name FROM account GROUP BY account_id)`;

/**
 * The invoice view as it stood at `asOf`, one row per invoice issued by then:
 * - outstanding: a receivable, i.e. open, or paid only after `asOf`. Drafts and void invoices were
 *   never owed; uncollectible ones are written off and leave receivables (reported apart).
 * - days_past_due: from the due date, or the issue date for invoices charged on issue (no due
 *   date), to the UTC date of `asOf`; 0 or less is not yet due.
 * - bucket: the ageing bucket of an outstanding invoice (`ageingBuckets`).
 */
export function invoicesCte(run: RevopsRun): string {
  const asOf = instantLiteral(run.asOf);
  return `invoices AS (
  SELECT *, state = 'open' OR (state = 'paid' AND paid_at > ${asOf}) AS outstanding, ${bucketCase(run.ageingBuckets)} AS bucket FROM (
    SELECT * REPLACE (upper(trim(currency)) AS currency), lower(trim(status)) AS state,
      date_diff('day', ${utcDate("coalesce(due_at, issued_at)")}, ${dateLiteral(run.asOfDate)}) AS days_past_due
    FROM invoice WHERE issued_at IS NULL OR issued_at <= ${asOf}))`;
}

/** The ageing bucket labels in order: current, 1-30, 31-60, 61-90, 90+ for bounds [30, 60, 90]. */
export function bucketLabels(bounds: number[]): string[] {
  return ["current", ...bounds.map((b, i) => `${i === 0 ? 1 : bounds[i - 1]! + 1}-${b}`), `${bounds.at(-1)}+`];
}

function bucketCase(bounds: number[]): string {
  const labels = bucketLabels(bounds);
  const whens = bounds.map((b, i) => `WHEN days_past_due <= ${numberLiteral(b)} THEN ${quoteLiteral(labels[i + 1]!)}`);
  return `CASE WHEN coalesce(days_past_due, 0) <= 0 THEN 'current' ${whens.join(" ")} ELSE ${quoteLiteral(labels.at(-1)!)} END`;
}

/** `AND column = 'value'` narrowing a finding's query to its subject (none when no value). */
export const narrowTo = (column: string, value: string | undefined) =>
  value === undefined ? "" : ` AND ${column} = ${quoteLiteral(value)}`;
