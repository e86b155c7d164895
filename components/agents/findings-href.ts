/** `active` (open and acknowledged) is the default and is left out of the URL. */
export type StatusFilter = "active" | "all" | "open" | "acknowledged" | "resolved" | "dismissed";

export type FindingsFilter = { agent?: string; status?: StatusFilter; kind?: string };

/** The agents page's URL for a findings filter: `?agent=`, `?status=`, `?kind=`, each left out when unset. */
export function findingsHref({ agent, status, kind }: FindingsFilter): string {
  const params = new URLSearchParams();
  if (agent) params.set("agent", agent);
  if (status && status !== "active") params.set("status", status);
  if (kind) params.set("kind", kind);
  const query = params.toString();
  return `/agents${query ? `?${query}` : ""}#findings`;
}
