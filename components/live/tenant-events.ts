"use client";

import { TENANT_EVENT_TYPES, type TenantEventType } from "@/lib/events/types";

/** `reset`: the stream could not replay everything missed; the page should reload its state. */
type Signal = TenantEventType | "reset";
export type LiveEvent = { type: Signal; data: Record<string, unknown> };
type Handler = (event: LiveEvent) => void;

/**
 * One EventSource per browser tab on the tenant's live stream, shared by every component that
 * listens, opened with the first listener and closed with the last. The browser reconnects by
 * itself and sends Last-Event-ID, so the server replays what the tab missed.
 */
const handlers = new Map<Handler, ReadonlySet<Signal>>();
let source: EventSource | null = null;

let retry: ReturnType<typeof setTimeout> | undefined;
let failures = 0;

export function listenToTenantEvents(types: readonly Signal[], handler: Handler): () => void {
  handlers.set(handler, new Set(types));
  source ??= open();
  return () => {
    handlers.delete(handler);
    if (handlers.size === 0) {
      clearTimeout(retry);
      source?.close();
      source = null;
    }
  };
}

function open(): EventSource {
  const stream = new EventSource("/api/v1/events/stream");
  stream.addEventListener("open", () => (failures = 0));
  // The browser retries a dropped stream itself; one it gave up on (an error answer, a sign-in that
  // lapsed) is opened again after a growing pause, and the page reloads its state when it is back.
  stream.addEventListener("error", () => {
    if (stream.readyState !== EventSource.CLOSED || source !== stream) return;
    source = null;
    const wait = Math.min(60_000, 1_000 * 2 ** failures++);
    retry = setTimeout(() => {
      if (handlers.size === 0 || source) return;
      source = open();
      for (const [handler, wanted] of handlers) if (wanted.has("reset")) handler({ type: "reset", data: {} });
    }, wait);
  });
  for (const type of [...TENANT_EVENT_TYPES, "reset"] as const) {
    stream.addEventListener(type, (message) => {
      const event: LiveEvent = { type, data: dataOf((message as MessageEvent<string>).data) };
      for (const [handler, wanted] of handlers) if (wanted.has(type)) handler(event);
    });
  }
  return stream;
}

/** The event's own fields (`data` of the stream's JSON); nothing when it cannot be read. */
function dataOf(text: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text) as { data?: Record<string, unknown> };
    return parsed.data ?? {};
  } catch {
    return {};
  }
}
