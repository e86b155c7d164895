import "server-only";
import type { Connection, Prisma } from "@/lib/generated/prisma/client";
import type { TenantScope } from "@/lib/auth/context";
import { getKv } from "@/lib/kv";
import { withLock } from "@/lib/kv/lock";
import { log } from "@/lib/log";
import { notifyDriftPending } from "@/lib/notify/drift-pending";
import { publishTenantEvent } from "@/lib/events/publish";
import type { StepTools } from "@/lib/tasks/workflow";
import { getConnectionOrThrow, openConnector, withConnector } from "@/lib/aam/connections";
import type { Connector, SourceStream, StreamState } from "@/lib/aam/connectors/types";
import { toSafeError } from "@/lib/safe-error";
import { recordDiscovery } from "@/lib/aam/drift/record-discovery";
import { SegmentWriter, type Stored } from "@/lib/aam/segments/writer";
import { withDuckDb } from "@/lib/duckdb/engine";
import { syncRowLimit } from "@/lib/aam/safe-mode";

export type SyncSummary = {
  connectionId: string;
  /** Read as a sample: nothing of it is to be applied or materialized (lib/aam/safe-mode.ts). */
  safeMode: boolean;
  skipped?: string;
  streams: number;
  driftChanges: number;
  pendingChanges: number;
  paused: boolean;
  problems: { stream: string; message: string }[];
  read: Record<string, { stored: number; quarantined: number }>;
};

const BATCH_SIZE = 1_000;
const SEGMENT_ROWS = 200_000;
const direct: StepTools = { run: (_name, fn) => fn() };

/**
 * One sync: discover, fingerprint and classify drift under the connection's policy, then read each
 * readable stream from its saved state into record segments, each committed with the state after it. Steps make it
 * resumable under the task engines; the CLI runs it directly. Two syncs of one connection never overlap.
 */
export async function syncConnection(
  ctx: TenantScope,
  connectionId: string,
  { step = direct, taskId }: { step?: StepTools; taskId?: string } = {},
): Promise<SyncSummary> {
  return withLock(getKv(), lockKey(connectionId), () => run(ctx, connectionId, step, taskId), { ttlMs: 30 * 60_000, waitMs: 0 });
}

/** Discovery and drift classification alone, without reading records (the drift.check task). */
export async function checkDrift(ctx: TenantScope, connectionId: string, { taskId }: { taskId?: string } = {}) {
  return withLock(
    getKv(),
    lockKey(connectionId),
    async () => {
      const connection = await getConnectionOrThrow(ctx, connectionId);
      const outcome = await withConnector(ctx, connection, (connector) => discoverAndRecord(ctx, connection, connector, taskId));
      return {
        connectionId,
        streams: outcome.readable.length,
        driftChanges: outcome.changes,
        pendingChanges: outcome.pending,
        paused: outcome.paused,
        problems: outcome.problems,
      };
    },
    { ttlMs: 10 * 60_000, waitMs: 0 },
  );
}

const lockKey = (connectionId: string) => `aam:sync:${connectionId}`;

/** Discovers, records fingerprints and drift under the policy, and announces any drift. */
async function discoverAndRecord(ctx: TenantScope, connection: Connection, connector: Connector, taskId?: string) {
  const discovered = await connector.discover();
  const outcome = await recordDiscovery(ctx, connection, discovered, taskId);
  if (outcome.changes > 0) await announceDrift(ctx, connection, outcome);
  return { ...outcome, problems: discovered.problems };
}

async function run(ctx: TenantScope, connectionId: string, step: StepTools, taskId?: string): Promise<SyncSummary> {
  const connection = await getConnectionOrThrow(ctx, connectionId);
  const summary: SyncSummary = {
    connectionId,
    safeMode: connection.safeMode,
    streams: 0,
    driftChanges: 0,
    pendingChanges: 0,
    paused: false,
    problems: [],
    read: {},
  };
  if (connection.status === "paused") return { ...summary, skipped: connection.statusMessage ?? "the connection is paused", paused: true };
  // One connector (one client, one sign-in) for every step of this run; replayed steps never open it.
  let opened: Promise<Connector> | undefined;
  const connector = () => (opened ??= openConnector(ctx, connection));
  try {
    const plan = await step.run("discover", async () => {
      const outcome = await discoverAndRecord(ctx, connection, await connector(), taskId);
      // Samples stay out of the step's stored output.
      return { ...outcome, readable: outcome.readable.map((r) => ({ ...r, stream: { ...r.stream, sample: [] } })) };
    });
    Object.assign(summary, {
      streams: plan.readable.length,
      driftChanges: plan.changes,
      pendingChanges: plan.pending,
      paused: plan.paused,
      problems: plan.problems,
    });
    for (const [index, { stream, fingerprintId }] of plan.readable.entries()) {
      // Published from inside the step: a replayed step (Inngest) announces nothing again.
      const progress = syncProgress(ctx, {
        connectionId,
        stream: stream.name,
        streamsRead: index,
        streams: plan.readable.length,
        rowsBefore: storedSoFar(summary),
      });
      summary.read[stream.name] = await step.run(`read:${stream.name}`, async () =>
        progress.done(await readStream(ctx, connection, await connector(), stream, fingerprintId, progress.rows)),
      );
    }
    await markSynced(
      ctx,
      connectionId,
      plan.problems.length ? "partial" : "success",
      plan.problems.length ? problemMessage(plan.problems) : null,
    );
    await publishTenantEvent(ctx, "aam.sync.completed", {
      connectionId,
      outcome: plan.problems.length ? "partial" : "success",
      streams: summary.streams,
      driftChanges: summary.driftChanges,
    });
    return summary;
  } catch (error) {
    await markSynced(ctx, connectionId, "failed", toSafeError(error, { tenantId: ctx.tenantId, connectionId, taskId }).message);
    await publishTenantEvent(ctx, "aam.sync.completed", { connectionId, outcome: "failed" });
    throw error;
  } finally {
    if (opened) await (await opened.catch(() => null))?.close();
  }
}

/**
 * Reads one stream into segments (lib/aam/segments). A source DuckDB parses itself becomes one
 * segment without crossing into JavaScript; any other is read in batches gathered into a segment of up to SEGMENT_ROWS records,
 * each committed with the state after its last batch, so a read that dies resumes after the last
 * segment. A connection in safe mode reads a sample instead (`readSample`).
 */
async function readStream(
  ctx: TenantScope,
  connection: Connection,
  connector: Connector,
  stream: SourceStream,
  fingerprintId: string,
  onRows: (stored: number) => void,
) {
  const connectionId = connection.id;
  const row = await ctx.db.connectionStream.findUniqueOrThrow({ where: { connectionId_name: { connectionId, name: stream.name } } });
  const totals = { stored: 0, quarantined: 0 };
  const add = (stored: Stored) => {
    totals.stored += stored.stored;
    totals.quarantined += stored.quarantined;
    onRows(totals.stored);
  };
  const limit = syncRowLimit(connection);
  await withDuckDb(async (duck) => {
    const state = row.state as StreamState;
    const writer = await SegmentWriter.open(ctx, duck, { connectionId, streamId: row.id, stream, fingerprintId }, state);
    if (limit !== null) return add(await readSample(connector, stream, state, writer, limit));
    const tabular = await connector.readTabular?.(stream, state, duck);
    try {
      if (tabular && !tabular.relation) return;
      const stored = tabular ? await writer.commitTabular({ ...tabular, relation: tabular.relation! }) : null;
      if (stored) return add(stored);
      // Not a file DuckDB reads, or DuckDB rejected a row of it: read in JavaScript, where quarantine has exact reasons and lines.
    } finally {
      await tabular?.close();
    }
    let uncommitted: { state: StreamState } | null = null;
    for await (const batch of connector.read(stream, state, { batchSize: BATCH_SIZE })) {
      await writer.append(batch.records, batch.rejects);
      uncommitted = { state: batch.state };
      if (writer.pending >= SEGMENT_ROWS) {
        add(await writer.commit(batch.state));
        uncommitted = null;
      }
    }
    if (uncommitted) add(await writer.commit(uncommitted.state));
  });
  log.info("stream read", { tenantId: ctx.tenantId, connectionId, stream: stream.name, ...totals });
  return totals;
}

/**
 * Safe mode's read: the first `limit` records (quarantined ones count) from `state`, as one segment
 * committed with `state` itself, so the stream's read state never moves past what a full read
 * after promotion needs. Records read again next time are not stored again (same content).
 */
async function readSample(
  connector: Connector,
  stream: SourceStream,
  state: StreamState,
  writer: SegmentWriter,
  limit: number,
): Promise<Stored> {
  let remaining = limit;
  for await (const batch of connector.read(stream, state, { batchSize: Math.min(BATCH_SIZE, limit) })) {
    const records = batch.records.slice(0, remaining);
    const rejects = batch.rejects.slice(0, remaining - records.length);
    await writer.append(records, rejects);
    remaining -= records.length + rejects.length;
    if (remaining <= 0) break;
  }
  return writer.commit(state);
}

/**
 * Live progress of one sync (transient events: a reconnecting page reads the stored state): after
 * each committed segment, the rows stored so far, and the streams read out of the total.
 */
function syncProgress(
  ctx: TenantScope,
  at: { connectionId: string; stream: string; streamsRead: number; streams: number; rowsBefore: number },
) {
  const publish = (streamsRead: number, rows: number) =>
    void publishTenantEvent(ctx, "aam.sync.progress", {
      connectionId: at.connectionId,
      stream: at.stream,
      streamsRead,
      streams: at.streams,
      rowsStored: at.rowsBefore + rows,
    });
  return {
    rows: (rows: number) => publish(at.streamsRead, rows),
    done<T extends { stored: number }>(totals: T): T {
      publish(at.streamsRead + 1, totals.stored);
      return totals;
    },
  };
}

const storedSoFar = (summary: SyncSummary) => Object.values(summary.read).reduce((n, r) => n + r.stored, 0);

/**
 * Drift goes out as a live tenant event; changes held for approval also go to Slack, since they
 * need a person. Neither can fail the sync.
 */
async function announceDrift(ctx: TenantScope, connection: Connection, outcome: { changes: number; pending: number; paused: boolean }) {
  await publishTenantEvent(ctx, "aam.drift.detected", {
    connectionId: connection.id,
    changes: outcome.changes,
    pending: outcome.pending,
    paused: outcome.paused,
  });
  if (outcome.pending === 0) return;
  void notifyDriftPending(ctx.db, {
    tenantId: ctx.tenantId,
    connectionId: connection.id,
    connectionName: connection.name,
    pending: outcome.pending,
    paused: outcome.paused,
  }).catch((error) => log.warn("drift notification failed", { connectionId: connection.id, error }));
}

/** The connection's status line after a partial sync: the first problem in full, the rest counted. */
function problemMessage(problems: { message: string }[]): string {
  const others = problems.length - 1;
  return others === 0
    ? problems[0]!.message
    : `${problems[0]!.message} (and ${others === 1 ? "1 more stream" : `${others} more streams`} not read)`;
}

/** A sync that fails leaves the connection in `error` with the reason, unless a pause already says why. */
async function markSynced(ctx: TenantScope, connectionId: string, outcome: "success" | "partial" | "failed", message: string | null) {
  const data: Prisma.ConnectionUpdateManyMutationInput = { lastSyncAt: new Date(), lastSyncStatus: outcome };
  await ctx.db.connection.updateMany({ where: { id: connectionId, tenantId: ctx.tenantId }, data });
  await ctx.db.connection.updateMany({
    where: { id: connectionId, tenantId: ctx.tenantId, status: { not: "paused" } },
    data: outcome === "failed" ? { status: "error", statusMessage: message } : { status: "active", statusMessage: message },
  });
}
