import type { SchemaPolicy } from "@/lib/aam/schemas";

/** What a sync does with a schema change, as people read it. Order is the order of the select. */
export const POLICY_LABELS = {
  propagate_all: "Propagate all changes",
  propagate_additive: "Propagate additive changes only",
  require_approval: "Require approval for every change",
  pause_on_breaking: "Pause the connection on breaking changes",
} satisfies Record<SchemaPolicy, string>;

export const DEFAULT_POLICY: SchemaPolicy = "propagate_additive";

export const POLICIES = Object.keys(POLICY_LABELS) as SchemaPolicy[];
