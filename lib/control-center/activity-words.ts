/** One thing that happened, in words, with where to look at it. */
export type ActivityItem = {
  id: string;
  at: Date;
  kind: "sync" | "drift" | "decision" | "agent" | "failure";
  tone: "ok" | "info" | "warn" | "error";
  text: string;
  href: string;
};

/** Task types in words, for a task that failed. */
export const TASK_NAMES: Record<string, string> = {
  "connector.sync": "A sync",
  "drift.check": "A schema check",
  "drift.repair": "A mapping repair",
  "dcl.rebuild": "Rebuilding the unified views",
  "kb.ingest": "Adding documents to the knowledge base",
  "agent.run": "An agent run",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** What a sync task did: records stored, nothing new, skipped, or why it failed. */
export function describeSync(s: {
  id: string;
  at: Date;
  failed: boolean;
  error: string | null;
  connectionId: string | null;
  connection: string | null;
  result: { skipped?: string; read: Record<string, { stored: number }> };
}): ActivityItem {
  const name = s.connection ?? "a deleted connection";
  const base = {
    id: `sync:${s.id}`,
    at: s.at,
    kind: "sync" as const,
    href: s.connectionId && s.connection ? `/connections/${s.connectionId}` : "/connections",
  };
  if (s.failed) return { ...base, tone: "error", text: `Sync of ${name} failed${s.error ? `: ${s.error}` : ""}` };
  if (s.result.skipped) return { ...base, tone: "warn", text: `Sync of ${name} skipped: ${s.result.skipped}` };
  const stored = Object.values(s.result.read).reduce((n, r) => n + r.stored, 0);
  return {
    ...base,
    tone: "ok",
    text: stored ? `Synced ${name}: ${plural(stored, "new or changed record")}` : `Synced ${name}: nothing new`,
  };
}

/** A batch of schema changes detected together on one connection. */
export function describeDrift(
  events: { id: string; connectionId: string; createdAt: Date; status: string }[],
  connection: string,
): ActivityItem {
  const waiting = events.filter((e) => e.status === "pending").length;
  const applied = events.filter((e) => e.status === "applied").length;
  const parts = [applied ? `${applied} applied` : null, waiting ? `${waiting} waiting for review` : null].filter(Boolean);
  const first = events[0]!;
  return {
    id: `drift:${first.id}`,
    at: events.reduce((at, e) => (e.createdAt > at ? e.createdAt : at), first.createdAt),
    kind: "drift",
    tone: waiting ? "warn" : "info",
    text: `${plural(events.length, "schema change")} on ${connection}${parts.length ? `: ${parts.join(", ")}` : ""}`,
    href: waiting ? "/inbox?kind=schema" : `/connections/${first.connectionId}`,
  };
}

type Decision = {
  id: string;
  createdAt: Date;
  kind: string;
  action: string;
  stream: string;
  field: string | null;
  fromField: string | null;
  target: string | null;
};

/** A decision on a mapping, a repair or a schema change; `who` is null for the repair agent. */
export function describeDecision(d: Decision, who: string | null): ActivityItem {
  const field = d.field ? `${d.stream}.${d.field}` : d.stream;
  const to = d.target ? ` → ${d.target}` : "";
  const what =
    d.kind === "schema" ? `a schema change on ${field}` : d.kind === "repair" ? `the repair ${field}${to}` : `the mapping ${field}${to}`;
  const actor = who ?? "The repair agent";
  const text: Record<string, string> = {
    auto_apply: `The repair agent remapped ${field}${to}${d.fromField && d.fromField !== d.field ? ` (it continues ${d.fromField})` : ""}`,
    approve: `${actor} ${d.kind === "schema" ? "accepted" : "approved"} ${what}`,
    edit: `${actor} mapped ${field}${to}`,
    reject: `${actor} rejected ${what}`,
    rollback: `${actor} rolled back the mapping of ${field}`,
  };
  return {
    id: `decision:${d.id}`,
    at: d.createdAt,
    kind: "decision",
    tone: d.action === "reject" || d.action === "rollback" ? "warn" : "ok",
    text: text[d.action] ?? `${actor} decided on ${what}`,
    href: "/inbox",
  };
}
