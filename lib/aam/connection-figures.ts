import "server-only";
import { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import type { StreamDto } from "@/lib/aam/dto";
import type { SyncOutcome } from "@/lib/aam/schemas";
import { SchemaField } from "@/lib/aam/schema/fingerprint";
import { recordsHeldByStream } from "@/lib/aam/segments/record-versions";
import { summarizeResult } from "@/lib/tasks/summarize-result";

const DAY_MS = 24 * 60 * 60_000;
export const CHANGE_WINDOW_DAYS = 30;

export type { SyncOutcome };

/** A stream the last sync could not read, and why (the connector's words, fit for the user). */
export type SyncProblem = { stream: string; message: string };

export type LastSync = {
  at: Date | null;
  outcome: SyncOutcome | null;
  /** From its task's start to its end; null when it ran outside the task engine (the CLI). */
  durationMs: number | null;
  /** What it did, in one line ("2 records stored, 1 stream unreadable"). */
  summary: string | null;
  problems: SyncProblem[];
  /** A sync waiting to run or running now. */
  next: "queued" | "running" | null;
};

/** `waitingChanges`: the stream's schema changes its connection's policy holds for review. */
export type StreamFigures = { recordsHeld: number | null; fieldsMapped: number; waitingChanges: number };

export type ConnectionFigures = {
  /** Each source record once, in its latest version (deleted ones left out); null when the segments could not be read. */
  recordsHeld: number | null;
  /** Streams the connection reads now (removed ones left out). */
  streams: number;
  /** Fields of the streams' accepted schemas with an approved target in force. */
  fieldsMapped: number;
  /** Schema changes seen over the last CHANGE_WINDOW_DAYS days. */
  schemaChanges: number;
  lastSync: LastSync;
  byStream: Record<string, StreamFigures>;
};

const Fields = z.array(SchemaField);
const SyncResult = z.object({ problems: z.array(z.object({ stream: z.string(), message: z.string() })).catch([]) }).catch({ problems: [] });

/**
 * The figures of one connection's page: records held (counted as the Control Center counts them,
 * lib/aam/segments/record-versions.ts), streams, mapped fields, recent schema changes and how its
 * last sync went. The caller has checked the connection is the tenant's; every query filters by tenant too.
 */
export async function connectionFigures(
  ctx: TenantContext,
  connection: { id: string; lastSyncAt: Date | null; lastSyncStatus: string | null },
  streams: StreamDto[],
  now = new Date(),
): Promise<ConnectionFigures> {
  const where = { tenantId: ctx.tenantId, connectionId: connection.id };
  const syncTasks = { tenantId: ctx.tenantId, type: "connector.sync", input: { path: ["connectionId"], equals: connection.id } };
  const [streamRows, segments, mappings, schemaChanges, waiting, finished, next] = await Promise.all([
    ctx.db.connectionStream.findMany({ where, select: { id: true, name: true } }),
    ctx.db.recordSegment.findMany({ where, select: { id: true, streamId: true, seq: true, objectKey: true, rowCount: true } }),
    ctx.db.mappingRegistry.findMany({
      where: { ...where, status: "approved" },
      select: { sourceStream: true, sourceField: true, ontologyField: true },
      orderBy: [{ sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
      distinct: ["sourceStream", "sourceField"],
    }),
    ctx.db.driftEvent.count({ where: { ...where, createdAt: { gte: new Date(now.getTime() - CHANGE_WINDOW_DAYS * DAY_MS) } } }),
    ctx.db.driftEvent.groupBy({ by: ["stream"], where: { ...where, status: "pending" }, _count: { _all: true } }),
    ctx.db.task.findFirst({
      where: { ...syncTasks, status: { in: ["success", "failed"] } },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
    }),
    ctx.db.task.findFirst({ where: { ...syncTasks, status: { in: ["queued", "in_progress"] } }, select: { status: true } }),
  ]);

  const streamName = new Map(streamRows.map((s) => [s.id, s.name]));
  const heldById = await recordsHeldByStream(ctx, segments);
  const held = heldById && new Map([...heldById].map(([id, n]) => [streamName.get(id) ?? "", n]));
  const mappedFields = new Map<string, Set<string>>();
  for (const m of mappings)
    if (m.ontologyField) mappedFields.set(m.sourceStream, (mappedFields.get(m.sourceStream) ?? new Set()).add(m.sourceField));

  const waitingIn = new Map(waiting.map((w) => [w.stream, w._count._all]));
  const active = streams.filter((s) => s.status === "active");
  const byStream: Record<string, StreamFigures> = {};
  for (const s of streams) {
    const fields = Fields.safeParse(s.schema?.fields);
    const mapped = mappedFields.get(s.name);
    byStream[s.name] = {
      recordsHeld: held ? (held.get(s.name) ?? 0) : null,
      fieldsMapped: fields.success && mapped ? fields.data.filter((f) => mapped.has(f.name)).length : 0,
      waitingChanges: waitingIn.get(s.name) ?? 0,
    };
  }

  // The connection's own record of its last sync is the authority; the task that ran it (when one did) adds how long it took and what it did.
  const sameSync =
    finished?.finishedAt && connection.lastSyncAt && Math.abs(finished.finishedAt.getTime() - connection.lastSyncAt.getTime()) < 60_000;
  const outcome = connection.lastSyncStatus;
  return {
    recordsHeld: held ? active.reduce((n, s) => n + (held.get(s.name) ?? 0), 0) : null,
    streams: active.length,
    fieldsMapped: active.reduce((n, s) => n + byStream[s.name]!.fieldsMapped, 0),
    schemaChanges,
    lastSync: {
      at: connection.lastSyncAt,
      outcome: outcome === "success" || outcome === "partial" || outcome === "failed" ? outcome : null,
      durationMs: sameSync && finished.startedAt ? finished.finishedAt!.getTime() - finished.startedAt.getTime() : null,
      summary: sameSync ? summarizeResult("connector.sync", finished.result) : null,
      problems: sameSync && finished.status === "success" ? SyncResult.parse(finished.result).problems : [],
      next: next ? (next.status === "queued" ? "queued" : "running") : null,
    },
    byStream,
  };
}
