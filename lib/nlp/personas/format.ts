import type { Figure } from "./schemas";

/** A number with thousands separators and at most `digits` decimals (exactly `digits` with `fixed`). */
export const formatNumber = (v: number, digits = 2, fixed = false) =>
  v.toLocaleString("en-US", { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits });

/** A figure's value as people read it: `USD 120,000.00 a month`, `42.5%`, `38.2 days`, `n/a (why)`. */
export function figureValue(f: Figure): string {
  return f.value === null
    ? `n/a${f.note ? ` (${f.note})` : ""}`
    : f.unit === "money"
      ? `${f.currency ?? ""} ${formatNumber(f.value, 2, true)}${f.per ? ` a ${f.per}` : ""}`.trim()
      : f.unit === "ratio"
        ? `${formatNumber(f.value * 100, 1)}%${f.currency ? ` (${f.currency})` : ""}`
        : f.unit === "days"
          ? `${formatNumber(f.value, 1)} days${f.currency ? ` (${f.currency})` : ""}`
          : formatNumber(f.value, 0);
}

/** A breakdown's name and value: `stage: Negotiation, currency: EUR`; empty for a total. */
export function figureDimension(f: Figure): string {
  return f.dimension
    ? Object.entries(f.dimension)
        .map(([k, v]) => `${k}: ${v}`)
        .join(", ")
    : "";
}

/** A figure as one line: `Open pipeline [stage: Negotiation]: USD 120,000`; a breakdown's name and value are the only text from the data. */
export function figureLine(f: Figure): string {
  const dims = figureDimension(f);
  return `${f.label}${dims ? ` [${dims}]` : ""}: ${figureValue(f)}`;
}
