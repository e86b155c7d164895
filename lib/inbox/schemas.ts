import { z } from "zod";
import { Mapping } from "@/lib/dcl/mappings/schemas";
import { ValueTransform } from "@/lib/dcl/matcher/types";
import { listOf, pageParams } from "@/lib/http/list";
import { Id, JsonValue, Timestamp } from "@/lib/http/wire";

export const InboxKind = z.enum(["repair", "mapping", "schema"]).meta({
  description:
    "`repair`: a repair the drift agent was not sure of; `mapping`: a matcher proposal; `schema`: a schema change a connection's policy holds",
});
export type InboxKind = z.infer<typeof InboxKind>;

export const ListInboxQuery = z.object({
  connectionId: z.uuid().optional(),
  kind: InboxKind.optional(),
  ...pageParams({ defaultLimit: 200, maxLimit: 500 }),
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

export const DecisionAction = z.enum(["approve", "edit", "reject", "auto_apply", "rollback"]).meta({
  description: "`edit`: approved onto another target; `auto_apply`: the repair agent applied it; `rollback`: a version put back in force",
});
export type DecisionAction = z.infer<typeof DecisionAction>;

export const ListHistoryQuery = z.object({
  connectionId: z.uuid().optional(),
  kind: InboxKind.optional(),
  action: DecisionAction.optional(),
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
});
export type ListHistoryQuery = z.infer<typeof ListHistoryQuery>;

/** Undo the mapping version a decision put in force: a history entry's `rollbackId`. */
export const InboxRollback = z.object({ id: z.uuid(), reason: z.string().trim().max(500).optional() });
export type InboxRollback = z.infer<typeof InboxRollback>;

const TargetName = z.string().meta({ examples: ["opportunity.amount"] });

/** One thing waiting for a person, with what they need to decide it. */
export const InboxItem = z
  .object({
    id: Id.meta({ description: "The mapping version (repair, mapping) or schema change (schema) to decide on" }),
    kind: InboxKind,
    connectionId: Id,
    connectionName: z.string(),
    stream: z.string(),
    field: z.string().nullable().meta({ description: "The source field; null for a change to a whole stream" }),
    from: z.string().nullable().meta({ description: "The field of the old schema a repair continues, or the old name of a renamed field" }),
    target: TargetName.nullable().meta({ description: 'The proposed target ("entity.field"); null for none, and for a schema change' }),
    current: TargetName.nullable().meta({ description: "The target in force for this field now, if any" }),
    transform: ValueTransform.nullable(),
    confidence: z.number().nullable(),
    reason: z.string().meta({ description: "Why it waits, in words" }),
    evidence: JsonValue.meta({
      description:
        "What a person judges it by. A repair: the agent's stored evidence (`before` and `after` fields, `values` lined up from the same records, its reason); a mapping: `{ examples }` of the field's values; a schema change: `{ severity, previousType, currentType, details }`",
    }),
    createdAt: Timestamp,
  })
  .meta({ id: "InboxItem" });
export type InboxItem = z.infer<typeof InboxItem>;

export const InboxCounts = z
  .object({ repair: z.int().min(0), mapping: z.int().min(0), schema: z.int().min(0), total: z.int().min(0) })
  .meta({ id: "InboxCounts", description: "How many items wait, by kind, across all pages and whatever `kind` asks for" });
export type InboxCounts = z.infer<typeof InboxCounts>;

export const InboxPage = listOf("items", InboxItem).extend({ counts: InboxCounts });
export type InboxPage = z.infer<typeof InboxPage>;

/** How one decision of a selection went: each is decided on its own. */
export const DecisionResult = z
  .discriminatedUnion("ok", [
    z.object({
      id: Id,
      kind: InboxKind,
      ok: z.literal(true),
      status: z.enum(["approved", "rejected", "accepted"]).meta({ description: "`accepted`: a schema change accepted" }),
    }),
    z.object({
      id: Id,
      kind: InboxKind,
      ok: z.literal(false),
      error: z.string().meta({ description: "Why it was not decided (decided meanwhile, gone, ...)" }),
    }),
  ])
  .meta({ id: "InboxDecisionResult" });
export type DecisionResult = z.infer<typeof DecisionResult>;

export const InboxDecisionResults = z.object({
  results: z.array(DecisionResult),
  taskIds: z.array(Id).meta({ description: "Tasks started for the views to catch up (a repair run, or a rebuild)" }),
});
export type InboxDecisionResults = z.infer<typeof InboxDecisionResults>;

/** One decision on an inbox item, in the tenant's audit. */
export const HistoryEntry = z
  .object({
    id: Id,
    kind: InboxKind,
    action: DecisionAction,
    connectionId: Id,
    stream: z.string(),
    field: z.string().nullable(),
    from: z.string().nullable().meta({ description: "The field of the old schema a repair continues" }),
    target: TargetName.nullable().meta({ description: "The target decided on: put in force, or rejected; null for a schema change" }),
    before: JsonValue.meta({ description: "The state before (the target in force, a status, a version), as recorded" }),
    after: JsonValue.meta({ description: "The state after, as recorded" }),
    evidence: JsonValue.meta({ description: "What the decision was made on, as recorded" }),
    reason: z.string().nullable(),
    actor: z.string().nullable().meta({ description: "Who decided: a member's email, `a former member`, or null for the repair agent" }),
    createdAt: Timestamp,
    rollbackId: Id.nullable().meta({
      description: "The mapping version this decision put in force, while it still is: `POST /api/v1/inbox/rollbacks` with it undoes it",
    }),
  })
  .meta({ id: "ReviewDecision" });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = listOf("decisions", HistoryEntry);
export type HistoryPage = z.infer<typeof HistoryPage>;

export const InboxRollbackResult = z.object({
  mapping: Mapping,
  taskId: Id.meta({ description: "The rebuild of the views" }),
});
export type InboxRollbackResult = z.infer<typeof InboxRollbackResult>;
