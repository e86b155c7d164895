import type { SchemaPolicy } from "@/lib/aam/schemas";

/** What a sync does with a schema change, as people read it (lib/aam/drift/policy.ts decides). Order is the order of the select. */
export const POLICY_LABELS = {
  propagate_all: "Apply every change",
  propagate_additive: "Apply added fields, hold the rest",
  require_approval: "Hold every change for review",
  pause_on_breaking: "Apply changes, pause on a breaking one",
} satisfies Record<SchemaPolicy, string>;

export const DEFAULT_POLICY: SchemaPolicy = "propagate_additive";

export const POLICIES = Object.keys(POLICY_LABELS) as SchemaPolicy[];
