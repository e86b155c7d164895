import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { listenToTenant } from "@/lib/events/hub";
import { eventExists, lastEventId, readEventsAfter } from "@/lib/events/read";
import type { LiveEvent, TenantEventType } from "@/lib/events/types";
import type { SseItem } from "@/lib/http/sse";

/** Events one reconnect may replay; a client further behind is told to reload instead. */
export const REPLAY_LIMIT = 1_000;
/** Live events waiting for a client that does not read; past it the stream ends with `reset`. */
const INBOX_LIMIT = 1_000;
const HEARTBEAT_MS = 15_000;
/** A stream ends after this long; the client reconnects (authenticated again) and resumes by id. */
export const STREAM_LIFETIME_MS = 15 * 60_000;

type Options = {
  after?: string;
  /** The types the client may and wants to receive (never empty: see allowedEventTypes). */
  types: readonly TenantEventType[];
  signal: AbortSignal;
  /** Checked at every keep-alive: false (a revoked key, a removed member) ends the stream. */
  stillAllowed?: () => Promise<boolean>;
  heartbeatMs?: number;
  lifetimeMs?: number;
};

/**
 * A tenant's live events, for SSE and WebSocket clients alike. It subscribes first, then replays
 * the log after `after` (the client's last event id), so nothing published in between is lost;
 * live events the replay sent are skipped. Without `after` it starts with `ready`, carrying the
 * log's head as its id, so a client that reconnects resumes from there. A resume point the log no
 * longer holds (pruned, or more than REPLAY_LIMIT behind) gets `reset`: reload the state.
 */
export async function* tenantEventStream(scope: TenantScope, options: Options): AsyncGenerator<SseItem> {
  const { after, types, signal, stillAllowed, heartbeatMs = HEARTBEAT_MS, lifetimeMs = STREAM_LIFETIME_MS } = options;
  const wanted = new Set(types);
  const inbox = new EventInbox(INBOX_LIMIT);
  const stop = await listenToTenant(scope.tenantId, (event) => wanted.has(event.type) && inbox.push(event));
  const ends = Date.now() + lifetimeMs;
  try {
    // The live copies of these were sent by the replay.
    const replayed = new Set<string>();
    const head = await lastEventId(scope);
    if (after === undefined) {
      yield { id: head.toString(), event: "ready", data: { lastEventId: head.toString() } };
    } else {
      const from = BigInt(after) > head ? head : BigInt(after);
      const missed = from === 0n || (await eventExists(scope, from)) ? await readEventsAfter(scope, from, REPLAY_LIMIT + 1) : null;
      if (missed === null || missed.length > REPLAY_LIMIT) {
        yield {
          id: head.toString(),
          event: "reset",
          data: { message: "Some events are no longer kept; reload the current state", lastEventId: head.toString() },
        };
      } else {
        for (const event of missed) {
          replayed.add(event.id!);
          if (wanted.has(event.type)) yield item(event);
        }
        const last = missed.at(-1)?.id ?? from.toString();
        yield { id: last, event: "ready", data: { lastEventId: last, replayed: missed.length } };
      }
    }
    while (!signal.aborted && Date.now() < ends) {
      const next = await inbox.next(signal, heartbeatMs);
      if (next === "overflow") {
        yield { event: "reset", data: { message: "Events arrived faster than they were read; reload the current state" } };
        return;
      }
      if (next === undefined) {
        if (signal.aborted || (stillAllowed && !(await stillAllowed()))) return;
        yield { comment: "keep-alive" };
        continue;
      }
      if (next.id !== undefined && replayed.delete(next.id)) continue;
      yield item(next);
    }
  } finally {
    await stop();
  }
}

const item = (event: LiveEvent): SseItem => ({ id: event.id, event: event.type, data: event });

/** Live events waiting for the stream's consumer; `next` resolves with one, undefined after `waitMs` or on abort, or "overflow". */
class EventInbox {
  private readonly queued: LiveEvent[] = [];
  private overflowed = false;
  private wake?: () => void;

  constructor(private readonly limit: number) {}

  push(event: LiveEvent) {
    if (this.queued.length >= this.limit) this.overflowed = true;
    else this.queued.push(event);
    this.wake?.();
  }

  async next(signal: AbortSignal, waitMs: number): Promise<LiveEvent | "overflow" | undefined> {
    if (!this.queued.length && !this.overflowed && !signal.aborted) {
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
    if (this.overflowed) return "overflow";
    return this.queued.shift();
  }
}
