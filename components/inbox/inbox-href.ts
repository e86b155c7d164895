export type InboxFilter = { kind?: "repair" | "mapping" | "schema"; connectionId?: string };

/** The inbox's URL for a filter: `?connection=` and `?kind=`, each left out when unset. */
export function inboxHref({ kind, connectionId }: InboxFilter): string {
  const params = new URLSearchParams();
  if (connectionId) params.set("connection", connectionId);
  if (kind) params.set("kind", kind);
  const query = params.toString();
  return `/inbox${query ? `?${query}` : ""}`;
}
