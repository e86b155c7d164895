import { z } from "zod";
import { shownError } from "@/lib/tasks/error-text";
import { counted } from "@/lib/tasks/summarize-result";
import { taskTarget, type TaskNames } from "@/lib/tasks/targets";

/** One line of a task's input or result on its page: a label, a value, and where the value lives. */
export type DetailLine = { label: string; value: string; href?: string; tone?: "danger" };

/** What the task was asked to work on, in words. */
export function inputDetails(type: string, input: unknown, names: TaskNames): DetailLine[] {
  const target = taskTarget(type, input);
  const fields = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
  switch (target.kind) {
    case "connection": {
      const connection = names.connections.get(target.id);
      if (!connection) return [{ label: "Connection", value: "A deleted connection" }];
      return [
        { label: "Connection", value: connection.name, href: `/connections/${target.id}` },
        { label: "Source", value: connection.typeLabel },
      ];
    }
    case "agent": {
      const agent = names.agents.get(target.slug);
      const lines: DetailLine[] = [
        agent
          ? { label: "Agent", value: agent.name, href: `/agents?agent=${encodeURIComponent(target.slug)}` }
          : { label: "Agent", value: "A deleted agent" },
      ];
      lines.push({ label: "Asked", value: fields.trigger === "schedule" ? "On its schedule" : "By a person" });
      if (typeof fields.asOf === "string") lines.push({ label: "As of", value: fields.asOf });
      return lines;
    }
    case "documents":
      return target.ids.map((id, i) => ({
        label: i === 0 ? (target.ids.length === 1 ? "Document" : "Documents") : "",
        value: names.documents.get(id)?.title ?? "A deleted document",
      }));
    case "tenant":
      return type === "dcl.rebuild" ? [{ label: "Reads", value: "Every approved mapping of every connection" }] : [];
  }
}

const n = z.number().int().nonnegative().catch(0);
const SyncResult = z.object({
  read: z.record(z.string(), z.object({ stored: n, quarantined: n }).catch({ stored: 0, quarantined: 0 })).catch({}),
  problems: z
    .array(z.object({ stream: z.string().catch("A stream"), message: z.string().catch("") }).catch({ stream: "A stream", message: "" }))
    .catch([]),
});
const RebuildResult = z.object({ entities: z.array(z.object({ entity: z.string(), rows: n })).catch([]) });
const IngestResult = z.object({
  documents: z
    .array(
      z.object({
        documentId: z.string().catch(""),
        status: z.string().catch(""),
        chunks: n.optional(),
        error: z.string().optional().catch(undefined),
      }),
    )
    .catch([]),
});
const AgentResult = z.object({ agent: z.string() });
const RepairResult = z.object({ removed: z.array(z.string()).catch([]), failed: z.array(z.string()).catch([]) });

/** The parts of a result worth a line each: streams read, views rebuilt, documents ingested. */
export function resultDetails(type: string, result: unknown, names: TaskNames): DetailLine[] {
  if (result === null || result === undefined) return [];
  switch (type) {
    case "connector.sync": {
      const r = SyncResult.safeParse(result);
      if (!r.success) return [];
      const streams = Object.entries(r.data.read).map(([stream, x]) => ({
        label: stream,
        value: `${counted(x.stored, "record")} stored${x.quarantined ? `, ${x.quarantined.toLocaleString("en-US")} quarantined` : ""}`,
      }));
      const problems = r.data.problems.map((p) => ({
        label: p.stream,
        value: shownError(p.message) ?? "Could not be read",
        tone: "danger" as const,
      }));
      return [...streams, ...problems];
    }
    case "dcl.rebuild": {
      const r = RebuildResult.safeParse(result);
      return r.success
        ? r.data.entities.map((e) => ({ label: e.entity.charAt(0).toUpperCase() + e.entity.slice(1), value: counted(e.rows, "row") }))
        : [];
    }
    case "kb.ingest": {
      const r = IngestResult.safeParse(result);
      if (!r.success) return [];
      return r.data.documents.map((d) => {
        const label = names.documents.get(d.documentId)?.title ?? "A deleted document";
        if (d.status === "ready") return { label, value: `Ready${d.chunks ? ` (${counted(d.chunks, "passage")})` : ""}` };
        if (d.status === "failed") return { label, value: shownError(d.error) ?? "Failed", tone: "danger" as const };
        return { label, value: d.status === "missing" ? "Deleted before it was ingested" : d.status };
      });
    }
    case "agent.run": {
      const r = AgentResult.safeParse(result);
      if (!r.success || !names.agents.has(r.data.agent)) return [];
      return [
        {
          label: "Findings",
          value: `See ${names.agents.get(r.data.agent)!.name}'s findings`,
          href: `/agents?agent=${encodeURIComponent(r.data.agent)}`,
        },
      ];
    }
    case "drift.repair": {
      const r = RepairResult.safeParse(result);
      if (!r.success) return [];
      return [
        ...(r.data.removed.length ? [{ label: "Fields gone from the source", value: r.data.removed.join(", ") }] : []),
        ...(r.data.failed.length ? [{ label: "Streams not repaired", value: r.data.failed.join(", "), tone: "danger" as const }] : []),
      ];
    }
    default:
      return [];
  }
}

/** A stored step's name in words: `read:crm_accounts.csv` is "Read crm_accounts.csv". */
export function stepLabel(name: string, names: TaskNames): string {
  const [kind, ...rest] = name.split(":");
  const arg = rest.join(":");
  if (kind === "read" && arg) return `Read ${arg}`;
  if (kind === "document" && arg) return `Ingest ${names.documents.get(arg)?.title ?? "a deleted document"}`;
  return STEP_LABELS[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

const STEP_LABELS: Record<string, string> = {
  discover: "Discover the source's schema and check for drift",
  "propose mappings": "Propose mappings",
  run: "Run the agent",
  connect: "Propose mappings and rebuild the views",
  repair: "Repair mappings",
  check: "Check the schema for drift",
};
