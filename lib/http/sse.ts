import "server-only";
import { log } from "@/lib/log";

/**
 * A stream of server-sent events: each item becomes `event: <name>` and one `data:` line of JSON.
 * An error while streaming ends the stream with an `error` event carrying a generic message (the
 * status line went out long before); the error itself goes to the log.
 */
export function sseResponse(events: AsyncIterable<{ event: string; data: unknown }>, requestId: string): Response {
  const encoder = new TextEncoder();
  const iterator = events[Symbol.asyncIterator]();
  const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(frame(next.value.event, next.value.data));
      } catch (error) {
        log.error("event stream failed", { requestId, error });
        controller.enqueue(frame("error", { message: "The answer failed; try again", requestId }));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" } });
}
