import "server-only";
import { log } from "@/lib/log";
import { checkOutbound, OutboundError, UNREACHABLE_MESSAGE, type CheckedTarget } from "@/lib/net/policy";
import { ConnectorError } from "./types";

/**
 * Every connector reaches its source through here: the host is checked by the outbound policy, and
 * any failure to reach it (refused by the policy, no such host, closed port, timeout, a peer that
 * does not speak the protocol) is the same ConnectorError, so answers never tell an open port from a
 * closed one or a refused address from a missing one. The cause goes to the log.
 */
export async function checkedTarget(host: string): Promise<CheckedTarget> {
  try {
    return await checkOutbound(host);
  } catch (error) {
    throw unreachable("policy", error);
  }
}

/** The one answer for a source that could not be reached; `source` and the cause are logged. */
export function unreachable(source: string, cause: unknown): ConnectorError {
  if (cause instanceof ConnectorError) return cause;
  if (!(cause instanceof OutboundError)) {
    const e = cause as { code?: unknown; message?: unknown; name?: unknown };
    log.info("source unreachable", {
      source,
      code: e?.code,
      name: e?.name,
      error: typeof e?.message === "string" ? e.message.slice(0, 300) : undefined,
    });
  }
  return new ConnectorError("unreachable", UNREACHABLE_MESSAGE, { cause });
}
