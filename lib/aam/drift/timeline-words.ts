import { typeWords } from "@/lib/aam/schema/type-words";

/** A stored drift event, as the timeline reads it. */
export type DriftTimelineEvent = {
  id: string;
  stream: string;
  kind: string;
  severity: string;
  field: string | null;
  previousField: string | null;
  previousType: string | null;
  currentType: string | null;
  confidence: number | null;
  details: unknown;
  status: string;
  taskId: string | null;
  createdAt: Date;
};

export type ChangeStatus = "applied" | "pending" | "accepted" | "rejected" | "superseded";

/** One line of the timeline: one change, or several fields added (or removed) together in one stream. */
export type TimelineChange = {
  key: string;
  stream: string;
  /** "3 fields added to accounts.csv", "email renamed to email_address in people.csv". */
  words: string;
  /** The fields concerned (`fields`), or a note (how sure a rename is); null when the words say it all. */
  detail: string | null;
  detailKind: "fields" | "note";
  status: ChangeStatus;
  breaking: boolean;
};

/** The changes one sync saw (or, for changes seen outside a sync, one UTC day). */
export type TimelineGroup = { key: string; at: Date; bySync: boolean; changes: TimelineChange[]; waiting: number };

/** What each status means to a person. */
export const CHANGE_STATUS_WORDS: Record<ChangeStatus, string> = {
  applied: "Applied",
  pending: "Waiting for review",
  accepted: "Accepted",
  rejected: "Rejected",
  superseded: "Replaced by a later change",
};

const KIND_ORDER = [
  "stream_added",
  "stream_removed",
  "field_renamed",
  "field_removed",
  "field_added",
  "type_changed",
  "nullability_changed",
];
const LISTED = 6;

/**
 * Events (newest first) grouped by the sync that saw them, newest group first; within a group,
 * fields added to (or removed from) one stream with one status are one line.
 */
export function groupDriftEvents(events: DriftTimelineEvent[]): TimelineGroup[] {
  const groups = new Map<string, { at: Date; bySync: boolean; events: DriftTimelineEvent[] }>();
  for (const e of events) {
    const key = e.taskId ?? `day:${e.createdAt.toISOString().slice(0, 10)}`;
    const group = groups.get(key) ?? { at: e.createdAt, bySync: e.taskId !== null, events: [] };
    if (e.createdAt > group.at) group.at = e.createdAt;
    group.events.push(e);
    groups.set(key, group);
  }
  return [...groups]
    .sort((a, b) => b[1].at.getTime() - a[1].at.getTime())
    .map(([key, g]) => {
      const changes = linesOf(g.events);
      return { key, at: g.at, bySync: g.bySync, changes, waiting: g.events.filter((e) => e.status === "pending").length };
    });
}

function linesOf(events: DriftTimelineEvent[]): TimelineChange[] {
  const sorted = [...events].sort(
    (a, b) =>
      a.stream.localeCompare(b.stream) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (a.field ?? "").localeCompare(b.field ?? ""),
  );
  const lines: TimelineChange[] = [];
  const merged = new Map<string, { line: TimelineChange; fields: string[]; added: boolean }>();
  for (const e of sorted) {
    const status = asStatus(e.status);
    if ((e.kind === "field_added" || e.kind === "field_removed") && e.field) {
      const key = `${e.kind}:${e.stream}:${status}`;
      const open = merged.get(key);
      if (open) {
        open.fields.push(e.field);
        continue;
      }
      const line: TimelineChange = {
        key: e.id,
        stream: e.stream,
        words: "",
        detail: null,
        detailKind: "fields",
        status,
        breaking: e.severity === "breaking",
      };
      merged.set(key, { line, fields: [e.field], added: e.kind === "field_added" });
      lines.push(line);
      continue;
    }
    lines.push({ key: e.id, stream: e.stream, ...describe(e), detailKind: "note", status, breaking: e.severity === "breaking" });
  }
  for (const { line, fields, added } of merged.values()) {
    line.words = `${fields.length.toLocaleString("en-US")} ${fields.length === 1 ? "field" : "fields"} ${added ? "added to" : "removed from"} ${line.stream}`;
    line.detail = fields.length > LISTED ? `${fields.slice(0, LISTED).join(", ")} and ${fields.length - LISTED} more` : fields.join(", ");
  }
  return lines;
}

/** One change that is not a list of fields, in words. */
function describe(e: DriftTimelineEvent): { words: string; detail: string | null } {
  const field = e.field ?? "a field";
  switch (e.kind) {
    case "stream_added": {
      const fields = numberIn(e.details, "fields");
      return {
        words: `${e.stream} appeared`,
        detail: fields === null ? null : `${fields.toLocaleString("en-US")} ${fields === 1 ? "field" : "fields"}`,
      };
    }
    case "stream_removed":
      return { words: `${e.stream} is no longer in the source`, detail: null };
    case "field_renamed":
      return {
        words: `${e.previousField ?? "a field"} renamed to ${field} in ${e.stream}`,
        detail: e.confidence === null ? null : `${Math.round(e.confidence * 100)}% sure it is the same field`,
      };
    case "type_changed":
      return { words: `${field} in ${e.stream} changed from ${typeWords(e.previousType)} to ${typeWords(e.currentType)}`, detail: null };
    case "nullability_changed":
      return {
        words: booleanIn(e.details, "nullable")
          ? `${field} in ${e.stream} can now be empty`
          : `${field} in ${e.stream} is now always filled`,
        detail: null,
      };
    default:
      return { words: `${e.kind.replaceAll("_", " ")} in ${e.stream}`, detail: e.field };
  }
}

function asStatus(status: string): ChangeStatus {
  return status in CHANGE_STATUS_WORDS ? (status as ChangeStatus) : "applied";
}

function numberIn(details: unknown, key: string): number | null {
  const value = details && typeof details === "object" ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" ? value : null;
}

function booleanIn(details: unknown, key: string): boolean {
  return Boolean(details && typeof details === "object" && (details as Record<string, unknown>)[key] === true);
}
