import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { listenToTenant } from "@/lib/events/hub";
import { readEventsAfter, lastEventId } from "@/lib/events/read";
import type { TenantEvent, TenantEventType } from "@/lib/events/types";

/** Events one reconnect may replay; a client further behind is told to reload instead. */
export const REPLAY_LIMIT = 1_000;
const HEARTBEAT_MS = 15_000;

export type StreamItem = { id?: string; event: string; data: unknown } | { comment: string };
type Options = { after?: string; types?: TenantEventType[]; signal: AbortSignal; heartbeatMs?: number };

/**
 * A tenant's live events, for SSE and WebSocket clients alike. It subscribes first, then replays
 * the log after `after` (the client's last event id), so nothing published in between is lost;
 * live events the replay already sent are skipped. Without `after` it starts with `ready`, carrying
 * the log's head as its id, so a client that reconnects resumes from there.
 */
export async function* tenantEventStream(scope: TenantScope, { after, types, signal, heartbeatMs = HEARTBEAT_MS }: Options): AsyncGenerator<StreamItem> {
  const inbox = new EventInbox();
  const stop = await listenToTenant(scope.tenantId, (event) => inbox.push(event));
  const wanted = (type: TenantEventType) => !types?.length || types.includes(type);
  try {
    // Live events at or before this id were sent by the replay (none when there was no replay).
    let replayed = -1n;
    if (after === undefined) {
      const head = (await lastEventId(scope)).toString();
      yield { id: head, event: "ready", data: { lastEventId: head } };
    } else {
      const missed = await readEventsAfter(scope, BigInt(after), REPLAY_LIMIT + 1);
      replayed = missed.length > REPLAY_LIMIT ? await lastEventId(scope) : BigInt(missed.at(-1)?.id ?? after);
      const head = replayed.toString();
      if (missed.length > REPLAY_LIMIT) {
        yield { id: head, event: "reset", data: { message: `More than ${REPLAY_LIMIT} events were missed; reload the current state`, lastEventId: head } };
      } else {
        for (const event of missed) if (wanted(event.type)) yield item(event);
        yield { id: head, event: "ready", data: { lastEventId: head, replayed: missed.length } };
      }
    }
    while (!signal.aborted) {
      const event = await inbox.next(signal, heartbeatMs);
      if (event === undefined) {
        if (!signal.aborted) yield { comment: "keep-alive" };
        continue;
      }
      if (event.id !== undefined && BigInt(event.id) <= replayed) continue;
      if (wanted(event.type)) yield item(event);
    }
  } finally {
    await stop();
  }
}

const item = (event: TenantEvent): StreamItem => ({ id: event.id, event: event.type, data: event });

/** Live events waiting for the stream's consumer; `next` resolves with one, or undefined after `waitMs` or on abort. */
class EventInbox {
  private readonly queued: TenantEvent[] = [];
  private wake?: () => void;

  push(event: TenantEvent) {
    this.queued.push(event);
    this.wake?.();
  }

  async next(signal: AbortSignal, waitMs: number): Promise<TenantEvent | undefined> {
    if (!this.queued.length && !signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener("abort", done);
          this.wake = undefined;
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        signal.addEventListener("abort", done);
        this.wake = done;
      });
    }
    return this.queued.shift();
  }
}
