/** Cuts `text` to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A JSON value for a table cell: strings as they are, anything else as JSON. */
export function formatValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)}%`;
}
