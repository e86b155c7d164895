import type { Impact, Severity } from "@/lib/agents/types";
import type { FinopsOptions } from "./options";

export const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Severity from the money, on the monthly equivalent of the impact (a one-off amount as is, a
 * yearly one divided by twelve), with the default bands in currency units:
 * low under 100, medium from 100, high from 1,000, critical from 10,000 (`severityBands`).
 * The bands are in units of each finding's own currency; amounts are never converted.
 */
export function severityOf(impact: Impact | null, bands: FinopsOptions["severityBands"]): Severity {
  if (!impact) return "low";
  const monthly = impact.per === "year" ? impact.amount / 12 : impact.amount;
  if (monthly >= bands.critical) return "critical";
  if (monthly >= bands.high) return "high";
  if (monthly >= bands.medium) return "medium";
  return "low";
}

/** `USD 1,234.56`: the ISO code and two decimals, whatever the currency (unknown codes included). */
export function formatMoney(amount: number, currency: string): string {
  return `${currency} ${amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}
