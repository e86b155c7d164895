/** Money as a person reads it in a title: `EUR 4,362.45`. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined): string {
  const value = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount ?? 0);
  return `${currency ?? "(no currency)"} ${value}`;
}

export function formatPercent(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined ? "n/a" : `${Math.round(fraction * 1000) / 10}%`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The first ISO date (YYYY-MM-DD) of a date or instant string. */
export const dayOf = (value: unknown) => (typeof value === "string" ? value.slice(0, 10) : null);
