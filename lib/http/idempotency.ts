import "server-only";
import { createHash } from "node:crypto";
import { ConflictError, ValidationError } from "@/lib/errors";
import { getKv } from "@/lib/kv";

/** How long a request's answer is kept for a retry with the same key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Answers larger than this are not kept (the routes that start work answer a few kilobytes). */
const MAX_KEPT_BYTES = 64 * 1024;
/** A request still running holds its key this long at most. */
const IN_FLIGHT_MS = 60_000;

type Kept = { fingerprint: string; status: number; contentType: string; body: string };

/**
 * `Idempotency-Key` on a request that starts work: a retry with the same key (per tenant, method
 * and path) gets the first answer again, marked `Idempotent-Replayed: true`, and starts nothing.
 * The key is bound to the request's parameters (path, query and body as parsed); reusing it for
 * different ones is refused (422), and while the first request runs a second gets 409. Only
 * successful answers are kept, for 24 hours: a failed request may be retried with its key.
 * Without the header the request simply runs.
 */
export async function idempotently(
  req: Request,
  tenantId: string,
  parameters: unknown,
  execute: () => Promise<Response>,
): Promise<Response> {
  const key = req.headers.get("idempotency-key");
  if (key === null) return execute();
  if (!/^[\x21-\x7e]{1,255}$/.test(key))
    throw new ValidationError("Invalid Idempotency-Key header: 1 to 255 visible ASCII characters (a UUID is a good choice)");
  const kv = getKv();
  const slot = `idem:${tenantId}:${req.method} ${new URL(req.url).pathname}:${sha256(key)}`;
  const fingerprint = sha256(JSON.stringify(parameters ?? null));
  const replay = async () => {
    const stored = await kv.get(slot);
    if (stored === null) return null;
    const kept = JSON.parse(stored) as Kept;
    if (kept.fingerprint !== fingerprint)
      throw new ValidationError("This Idempotency-Key was already used with different parameters; use a new key for a new request");
    return new Response(kept.body, { status: kept.status, headers: { "content-type": kept.contentType, "idempotent-replayed": "true" } });
  };
  const earlier = await replay();
  if (earlier) return earlier;
  const token = await kv.tryLock(`${slot}:running`, IN_FLIGHT_MS);
  if (token === null) throw new ConflictError("A request with this Idempotency-Key is still running; retry in a moment");
  try {
    const meanwhile = await replay();
    if (meanwhile) return meanwhile;
    const response = await execute();
    if (response.ok) {
      const body = await response.clone().text();
      const kept: Kept = {
        fingerprint,
        status: response.status,
        contentType: response.headers.get("content-type") ?? "application/json",
        body,
      };
      if (Buffer.byteLength(body) <= MAX_KEPT_BYTES) await kv.set(slot, JSON.stringify(kept), { ttlMs: IDEMPOTENCY_TTL_MS });
    }
    return response;
  } finally {
    await kv.unlock(`${slot}:running`, token);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
