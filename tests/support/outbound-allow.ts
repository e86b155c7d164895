import { onTestFinished } from "vitest";
import { env } from "@/lib/env";
import { parseAllowList, type AllowList } from "@/lib/net/allow-list";

/** The value to put back when the current test finishes; set by its first override. */
let original: AllowList | undefined;

/**
 * Replaces AOS_OUTBOUND_ALLOW for the code under test (the policy reads it on every check) until
 * the current test finishes, however many times the test changes it.
 */
export function setOutboundAllow(text: string): void {
  if (original === undefined) {
    original = env.outboundAllow;
    onTestFinished(() => {
      env.outboundAllow = original!;
      original = undefined;
    });
  }
  env.outboundAllow = parseAllowList(text);
}
