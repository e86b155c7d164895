import "server-only";
import { log } from "@/lib/log";

/** One server-sent event (`id` sets the client's Last-Event-ID), or a comment line (a keep-alive). */
export type SseItem = { id?: string; event: string; data: unknown } | { comment: string };

/**
 * A stream of server-sent events: each item becomes `event: <name>` and one `data:` line of JSON.
 * An error while streaming ends the stream with an `error` event carrying `failureMessage` (the
 * status line went out long before); the error itself goes to the log.
 */
export function sseResponse(events: AsyncIterable<SseItem>, requestId: string, failureMessage = "The stream failed; try again"): Response {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  // Set when the client went away: a pull still waiting then has nowhere to write.
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (cancelled) return;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(frame(next.value)));
      } catch (error) {
        if (cancelled) return;
        log.error("event stream failed", { requestId, error });
        controller.enqueue(encoder.encode(frame({ event: "error", data: { message: failureMessage, requestId } })));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" },
  });
}

function frame(item: SseItem): string {
  if ("comment" in item) return `: ${item.comment}\n\n`;
  return `${item.id === undefined ? "" : `id: ${item.id}\n`}event: ${item.event}\ndata: ${JSON.stringify(item.data)}\n\n`;
}
