/** A view page's query: `sort`, `limit`, `offset`, and any other key an equals filter on that field. */
export type ViewParams = Record<string, string>;

const PAGING_KEYS = ["sort", "limit", "offset"];

/** Search params as the page receives them, one value per key (the first of repeated ones). */
export function toViewParams(searchParams: Record<string, string | string[] | undefined>): ViewParams {
  const params: ViewParams = {};
  for (const [key, value] of Object.entries(searchParams)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) params[key] = first;
  }
  return params;
}

/** The filters among the params: `[field, value]` pairs. */
export function filtersOf(params: ViewParams): [string, string][] {
  return Object.entries(params).filter(([key]) => !PAGING_KEYS.includes(key));
}

/** The view's URL with `changes` applied to the current params; an undefined value removes the key. */
export function viewHref(entity: string, params: ViewParams, changes: Record<string, string | undefined>): string {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, ...changes })) if (value !== undefined) next.set(key, value);
  const query = next.toString();
  return `/ontology/${entity}${query ? `?${query}` : ""}`;
}
