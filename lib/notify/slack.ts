import { z } from "zod";
import { log } from "@/lib/log";
import { outboundFetch } from "@/lib/net/http";
import { isAllowListed, OutboundError } from "@/lib/net/policy";

/**
 * Where notifications may go: https to Slack's webhook host, or a host AOS_OUTBOUND_ALLOW names
 * (an operator's relay). The one rule for saving a webhook and for posting to it.
 */
function isWebhookTarget(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return (
    (protocol === "https:" && hostname === "hooks.slack.com") ||
    ((protocol === "https:" || protocol === "http:") && isAllowListed(hostname))
  );
}

/** A Slack incoming-webhook URL: https://hooks.slack.com/services/... (or the same path on an allow-listed host). */
export const SlackWebhookUrl = z
  .url({ message: "must be a URL" })
  .refine(
    (u) => isWebhookTarget(u) && new URL(u).pathname.startsWith("/services/"),
    "must be a Slack incoming-webhook URL (https://hooks.slack.com/services/...)",
  );

type Options = { attempts?: number; baseDelayMs?: number };

/**
 * Posts a message through the outbound policy (checked address, no redirects followed), retrying
 * network errors, 429 and 5xx with exponential backoff.
 * Never throws: delivery problems are logged and reported as `false`, so they cannot fail the caller.
 */
export async function postToSlack(
  url: string,
  message: { text: string },
  { attempts = 3, baseDelayMs = 500 }: Options = {},
): Promise<boolean> {
  if (!isWebhookTarget(url)) {
    log.warn("slack webhook refused: not https://hooks.slack.com nor allow-listed");
    return false;
  }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await outboundFetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
      if (res.ok) return true;
      if (res.status !== 429 && res.status < 500) {
        log.warn("slack rejected the notification", { status: res.status });
        return false;
      }
    } catch (error) {
      if (error instanceof OutboundError) return false; // logged by the policy; a retry would be refused again
      log.warn("slack notification attempt failed", { attempt, error: (error as Error).message });
    }
    if (attempt < attempts) await new Promise((r) => setTimeout(r, baseDelayMs * 2 ** (attempt - 1)));
  }
  return false;
}
