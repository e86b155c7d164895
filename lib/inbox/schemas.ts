import { z } from "zod";

export const InboxKind = z.enum(["repair", "mapping", "schema"]);
export type InboxKind = z.infer<typeof InboxKind>;

export const ListInboxQuery = z.object({
  connectionId: z.uuid().optional(),
  kind: InboxKind.optional(),
  /** The newest this many items; `counts` always covers them all. */
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type ListInboxQuery = z.infer<typeof ListInboxQuery>;

const Target = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'a target is "entity.field"');

/** One decision: approve (with `target` to correct a mapping first: edit then approve) or reject, and why. */
export const InboxDecision = z
  .object({
    kind: InboxKind,
    id: z.uuid(),
    decision: z.enum(["approve", "reject"]),
    /** Approve onto this target instead ("entity.field", or null for no mapping): edit, then approve. */
    target: Target.nullable().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((d) => d.target === undefined || (d.decision === "approve" && d.kind !== "schema"), {
    message: "only an approved mapping or repair takes a target",
    path: ["target"],
  });
export type InboxDecision = z.infer<typeof InboxDecision>;

/** A selection decided at once (bulk approve, or one item's decision). */
export const InboxDecisions = z.object({ decisions: z.array(InboxDecision).min(1).max(200) });
export type InboxDecisions = z.infer<typeof InboxDecisions>;

export const ListHistoryQuery = z.object({
  connectionId: z.uuid().optional(),
  kind: InboxKind.optional(),
  /** One action only, e.g. `auto_apply` for the repairs the agent applied. */
  action: z.enum(["approve", "edit", "reject", "auto_apply", "rollback"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.uuid().optional(),
});
export type ListHistoryQuery = z.infer<typeof ListHistoryQuery>;

/** Undo the mapping version a decision put in force: a history entry's `rollbackId`. */
export const InboxRollback = z.object({ id: z.uuid(), reason: z.string().trim().max(500).optional() });
export type InboxRollback = z.infer<typeof InboxRollback>;
