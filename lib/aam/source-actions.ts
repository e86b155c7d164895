import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError } from "@/lib/errors";
import { createTask } from "@/lib/tasks/tasks";
import { toTaskDto, type TaskDto } from "@/lib/tasks/dto";
import { getConnectionOrThrow, toSourceError, withConnector } from "@/lib/aam/connections";
import { ConnectorError } from "@/lib/aam/connectors/types";
import type { ConnectionCheck, Discovery } from "@/lib/aam/schemas";

const PREVIEW_RECORDS = 5;

/** Connects and authenticates. A failure is an answer (`ok: false` with the reason), not an error. */
export async function checkConnection({ ctx, id }: { ctx: TenantContext; id: string }): Promise<ConnectionCheck> {
  const connection = await getConnectionOrThrow(ctx, id);
  const started = performance.now();
  try {
    await withConnector(ctx, connection, (connector) => connector.check());
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (error instanceof ConnectorError) return { ok: false, kind: error.kind, message: error.message };
    throw error;
  }
}

/** The source's schema as it is now, with a few sample records. Records nothing (a sync does). */
export async function discoverConnection({ ctx, id }: { ctx: TenantContext; id: string }): Promise<Discovery> {
  const connection = await getConnectionOrThrow(ctx, id);
  try {
    const { streams, problems } = await withConnector(ctx, connection, (connector) => connector.discover());
    return { streams: streams.map((s) => ({ ...s, sample: s.sample.slice(0, PREVIEW_RECORDS) })), problems };
  } catch (error) {
    throw toSourceError(error);
  }
}

/**
 * Queues a sync task, or returns the one already queued or running for this connection. `fresh`:
 * only a task that has not started yet is reused, so the sync reads the connection's settings as they are now.
 */
export async function requestSync({ ctx, id, fresh = false }: { ctx: TenantContext; id: string; fresh?: boolean }): Promise<TaskDto> {
  const connection = await getConnectionOrThrow(ctx, id);
  if (connection.status === "paused") throw new ConflictError(`The connection is paused: ${connection.statusMessage ?? "resume it first"}`);
  const running = await ctx.db.task.findFirst({
    where: {
      tenantId: ctx.tenantId,
      type: "connector.sync",
      input: { path: ["connectionId"], equals: id },
      ...(fresh ? { status: "queued", attempts: 0 } : { status: { in: ["queued", "in_progress"] } }),
    },
  });
  if (running) return toTaskDto(running);
  const { task } = await createTask({ ctx, input: { type: "connector.sync", input: { connectionId: id } } });
  return task;
}
