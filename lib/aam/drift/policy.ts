import type { SchemaPolicy } from "@/lib/aam/schemas";
import type { SchemaChange } from "./types";

/** `accept` propagates the new schema, `hold` keeps it pending approval, `pause` stops the connection. */
export type PolicyDecision = "accept" | "hold" | "pause";

/** What a connection's schema-change policy does with one stream's changes. */
export function decide(policy: SchemaPolicy, changes: SchemaChange[]): PolicyDecision {
  if (changes.length === 0) return "accept";
  switch (policy) {
    case "propagate_all":
      return "accept";
    case "propagate_additive":
      return changes.every((c) => c.severity === "non_breaking") ? "accept" : "hold";
    case "require_approval":
      return "hold";
    case "pause_on_breaking":
      return changes.some((c) => c.severity === "breaking") ? "pause" : "accept";
  }
}
