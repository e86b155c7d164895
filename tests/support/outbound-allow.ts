import { env } from "@/lib/env";
import { parseAllowList } from "@/lib/net/allow-list";

/**
 * Replaces AOS_OUTBOUND_ALLOW for the code under test (the policy reads it on every check);
 * returns the function that puts the previous value back.
 */
export function setOutboundAllow(text: string): () => void {
  const before = env.outboundAllow;
  env.outboundAllow = parseAllowList(text);
  return () => {
    env.outboundAllow = before;
  };
}
