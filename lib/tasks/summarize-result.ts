import { z } from "zod";

/**
 * What a finished task produced, in one line ("7 records stored, 2 schema changes"), read from its
 * stored result. Results are stored JSON, possibly from an older version: each is parsed loosely,
 * and a result that does not parse gives no summary rather than a wrong one.
 */
export function summarizeResult(type: string, result: unknown): string | null {
  if (result === null || result === undefined) return null;
  const summarize = SUMMARIES[type];
  return summarize ? summarize(result) : null;
}

/** `1 record`, `1,204 records`. */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

const sentence = (parts: (string | null | false | undefined)[]) => {
  const text = parts.filter(Boolean).join(", ");
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : null;
};

const n = z.number().int().nonnegative().catch(0);

function schemaChanges(changes: number, pending: number): string | null {
  if (changes === 0) return null;
  return pending > 0
    ? `${counted(changes, "schema change")} (${pending.toLocaleString("en-US")} waiting for review)`
    : counted(changes, "schema change");
}

const Sync = z.object({
  skipped: z.string().optional().catch(undefined),
  safeMode: z.boolean().catch(false),
  driftChanges: n,
  pendingChanges: n,
  problems: z.array(z.unknown()).catch([]),
  read: z.record(z.string(), z.object({ stored: n, quarantined: n }).catch({ stored: 0, quarantined: 0 })).catch({}),
  mappings: z.object({ proposed: n }).nullish().catch(null),
});

const Check = z.object({ streams: n, driftChanges: n, pendingChanges: n, paused: z.boolean().catch(false) });
const Repair = z.object({ applied: n, review: n, failed: z.array(z.unknown()).catch([]) });
const Rebuild = z.object({ proposed: n, autoApproved: n, entities: z.array(z.object({ rows: n }).catch({ rows: 0 })).catch([]) });
const Ingest = z.object({ ready: n, failed: n, documents: z.array(z.object({ status: z.string() }).catch({ status: "" })).catch([]) });
const AgentRun = z.object({ findings: n, new: n, resolved: n });

const SUMMARIES: Record<string, (result: unknown) => string | null> = {
  "connector.sync": (raw) => {
    const r = Sync.safeParse(raw);
    if (!r.success) return null;
    const { skipped, safeMode, driftChanges, pendingChanges, problems, read, mappings } = r.data;
    if (skipped) return `Skipped: ${skipped}`;
    const streams = Object.values(read);
    const stored = streams.reduce((s, x) => s + x.stored, 0);
    const quarantined = streams.reduce((s, x) => s + x.quarantined, 0);
    return sentence([
      stored > 0 ? `${counted(stored, "record")} ${safeMode ? "sampled" : "stored"}` : "no new records",
      quarantined > 0 && `${quarantined.toLocaleString("en-US")} quarantined`,
      schemaChanges(driftChanges, pendingChanges),
      problems.length > 0 && `${counted(problems.length, "stream")} unreadable`,
      mappings && mappings.proposed > 0 && `${counted(mappings.proposed, "mapping")} proposed`,
    ]);
  },
  "drift.check": (raw) => {
    const r = Check.safeParse(raw);
    if (!r.success) return null;
    const { streams, driftChanges, pendingChanges, paused } = r.data;
    return sentence([
      `${counted(streams, "stream")} checked`,
      schemaChanges(driftChanges, pendingChanges) ?? "no schema changes",
      paused && "syncing paused",
    ]);
  },
  "drift.repair": (raw) => {
    const r = Repair.safeParse(raw);
    if (!r.success) return null;
    const { applied, review, failed } = r.data;
    if (applied + review + failed.length === 0) return "No mappings needed repair";
    return sentence([
      applied > 0 && `${counted(applied, "mapping")} repaired`,
      review > 0 && `${review.toLocaleString("en-US")} waiting for review`,
      failed.length > 0 && `${counted(failed.length, "stream")} could not be repaired`,
    ]);
  },
  "dcl.rebuild": (raw) => {
    const r = Rebuild.safeParse(raw);
    if (!r.success) return null;
    const { proposed, autoApproved, entities } = r.data;
    const rows = entities.reduce((s, e) => s + e.rows, 0);
    return sentence([
      `${counted(entities.length, "unified view")} rebuilt (${counted(rows, "row")})`,
      proposed > 0 && `${counted(proposed, "mapping")} proposed`,
      autoApproved > 0 && `${counted(autoApproved, "mapping")} approved automatically`,
    ]);
  },
  "kb.ingest": (raw) => {
    const r = Ingest.safeParse(raw);
    if (!r.success) return null;
    const { ready, failed, documents } = r.data;
    const missing = documents.filter((d) => d.status === "missing").length;
    return sentence([
      `${counted(ready, "document")} ready`,
      failed > 0 && `${failed.toLocaleString("en-US")} failed`,
      missing > 0 && `${missing.toLocaleString("en-US")} deleted before ingest`,
    ]);
  },
  "agent.run": (raw) => {
    const r = AgentRun.safeParse(raw);
    if (!r.success) return null;
    const { findings, new: fresh, resolved } = r.data;
    const details = [fresh > 0 && `${fresh.toLocaleString("en-US")} new`, resolved > 0 && `${resolved.toLocaleString("en-US")} resolved`]
      .filter(Boolean)
      .join(", ");
    return `${counted(findings, "finding")}${details ? ` (${details})` : ""}`;
  },
};
