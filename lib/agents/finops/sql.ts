import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "@/lib/duckdb/sql";

export type Row = Record<string, unknown>;

/** Runs a query of the analysis and keeps its text: every query run is part of the evidence. */
export type RunQuery = (sql: string) => Promise<Row[]>;

export function queryRunner(duck: DuckDBConnection, queries: string[]): RunQuery {
  return async (sql) => {
    queries.push(sql);
    return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Row[];
  };
}

// The SQL a finding carries is run as-is by a person, so values are inlined, never bound: dates and
// numbers the analysis computed (checked here), and tenant strings only through quoteLiteral.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `DATE '2026-10-22'`. */
export function dateLiteral(day: string): string {
  if (!ISO_DATE.test(day)) throw new Error(`not an ISO date: ${day}`);
  return `DATE '${day}'`;
}

/** The instant a UTC day starts: `TIMESTAMPTZ '2026-10-22 00:00:00+00'`. */
export function dayStartLiteral(day: string): string {
  if (!ISO_DATE.test(day)) throw new Error(`not an ISO date: ${day}`);
  return `TIMESTAMPTZ '${day} 00:00:00+00'`;
}

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** `column = 'value'`, or `column IS NULL`. */
export function equals(column: string, value: string | null): string {
  return value === null ? `${column} IS NULL` : `${column} = ${quoteLiteral(value)}`;
}

/** The UTC day a cost line item's usage starts on, whatever the session's time zone. */
export const USAGE_DAY = "CAST(timezone('UTC', usage_start) AS DATE)";

/** Cost line items whose usage starts on a UTC day from `from` to `to`, both inclusive. */
export function usageBetween(from: string, to: string): string {
  return `usage_start >= ${dayStartLiteral(from)} AND usage_start < ${dayStartLiteral(addDays(to, 1))}`;
}

/** Whole-day arithmetic on ISO dates (UTC). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Monday of the ISO week a day falls in (weeks run Monday to Sunday, as DuckDB's `date_trunc('week', ...)`). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}
