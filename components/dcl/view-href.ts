/** A view page's query: `sort`, `limit`, `offset`, and any other key a filter (`field` or `field.op`). */
export type ViewParams = Record<string, string>;

const PAGING_KEYS = ["sort", "limit", "offset"];

/** The filter operators of `GET /api/v1/dcl/views/{entity}` (lib/dcl/views/query.ts); `eq` is written as the bare field. */
export const FILTER_OPS = ["eq", "ne", "contains", "gt", "gte", "lt", "lte", "null"] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

/** Search params as the page receives them, one value per key (the first of repeated ones). */
export function toViewParams(searchParams: Record<string, string | string[] | undefined>): ViewParams {
  const params: ViewParams = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params[key] = first;
  }
  return params;
}

/** The filters among the params: `[key, value]` pairs. */
export function filtersOf(params: ViewParams): [string, string][] {
  return Object.entries(params).filter(([key]) => !PAGING_KEYS.includes(key));
}

/** A filter key's field and operator: `amount.gte` is amount, gte; a bare `currency` is currency, eq. */
export function parseFilterKey(key: string): { field: string; op: FilterOp } {
  const dot = key.lastIndexOf(".");
  const op = key.slice(dot + 1) as FilterOp;
  return dot > 0 && FILTER_OPS.includes(op) ? { field: key.slice(0, dot), op } : { field: key, op: "eq" };
}

/** The query key of a filter on `field` with `op`. */
export function filterKey(field: string, op: FilterOp): string {
  return op === "eq" ? field : `${field}.${op}`;
}

const SYMBOLS: Record<Exclude<FilterOp, "null" | "contains">, string> = { eq: "=", ne: "≠", gt: ">", gte: "≥", lt: "<", lte: "≤" };

/** A filter as a person reads it: `currency = USD`, `name contains acme`, `paid_at is empty`. */
export function describeFilter(key: string, value: string): string {
  const { field, op } = parseFilterKey(key);
  if (op === "null") return `${field} ${value === "false" ? "is not empty" : "is empty"}`;
  if (op === "contains") return `${field} contains ${value}`;
  return `${field} ${SYMBOLS[op]} ${value}`;
}

/** The view's URL with `changes` applied to the current params; an undefined value removes the key. */
export function viewHref(entity: string, params: ViewParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value !== undefined) next.set(key, value);
  const query = next.toString();
  return `/ontology/${entity}${query ? `?${query}` : ""}`;
}
