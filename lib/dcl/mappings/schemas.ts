import { z } from "zod";
import { MatchMethod, ValueTransform } from "@/lib/dcl/matcher/types";
import { listOf, pageParams } from "@/lib/http/list";
import { Id } from "@/lib/http/wire";

export const MappingStatus = z.enum(["proposed", "approved", "rejected"]).meta({
  description:
    "`proposed`: waits for a person; `approved`: in force while it is the field's newest approved version; `rejected`: never in force",
});
export type MappingStatus = z.infer<typeof MappingStatus>;

export const ListMappingsQuery = z.object({
  connectionId: z.uuid().optional(),
  stream: z.string().min(1).max(1000).optional(),
  status: MappingStatus.optional().meta({
    description: "Only mappings with this status (without `history`: each field's newest version's)",
  }),
  history: z.stringbool().default(false).meta({ description: "Every version of each field, newest first, rather than only its newest" }),
  ...pageParams({ defaultLimit: 100, maxLimit: 500 }),
});
export type ListMappingsQuery = z.infer<typeof ListMappingsQuery>;

export const MappingParams = z.object({ id: z.uuid() });

/** Why a person decided so, kept in the audit (lib/inbox/audit.ts). */
const Reason = z.string().trim().max(500).optional();

/** "entity.field" of the ontology. */
const Target = z.string().meta({ examples: ["opportunity.amount"] });

/** A person's decision on a proposal. Approving with a `target` corrects it first ("entity.field", or null for none). */
export const MappingDecision = z.object({
  decision: z.enum(["approve", "reject"]),
  target: z
    .string()
    .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'expected "entity.field"')
    .nullable()
    .optional(),
  reason: Reason,
});
export type MappingDecision = z.infer<typeof MappingDecision>;

/** The earlier approved version to put back in force; without one, the version in force is undone (the one approved before it comes back, or no mapping). */
export const RollbackInput = z.object({ version: z.number().int().min(1).optional(), reason: Reason });
export type RollbackInput = z.infer<typeof RollbackInput>;

/** How a mapping version came to be: the matcher's methods, the repair agent, a person's correction (`manual`) or rollback. */
export const MappingMethod = z.enum([...MatchMethod.options, "repair", "rollback"]);
export type MappingMethod = z.infer<typeof MappingMethod>;

/** One version of a source field's mapping onto the ontology. */
export const Mapping = z
  .object({
    id: Id,
    connectionId: Id,
    stream: z.string().meta({ description: "The source table or stream", examples: ["tbl_deal.csv"] }),
    field: z.string().meta({ description: "The source field", examples: ["deal_val"] }),
    target: Target.nullable().meta({ description: 'The ontology field ("entity.field") it fills; null: the field stays unmapped' }),
    transform: ValueTransform.nullable().meta({ description: "How values convert on the way into the view; null for none" }),
    confidence: z.number().min(0).max(1),
    method: MappingMethod,
    status: MappingStatus,
    version: z.int().min(1).meta({ description: "Counts up per source field; every decision is a new version" }),
    createdById: Id.nullable().meta({ description: "The person who made this version; null for the matcher and the repair agent" }),
    decidedById: Id.nullable().meta({
      description: "The person who approved or rejected it; null while proposed or when approved automatically",
    }),
    decidedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "Mapping" });
export type Mapping = z.infer<typeof Mapping>;

export const MappingPage = listOf("items", Mapping).extend({
  counts: z
    .object({
      proposed: z.int().min(0).meta({ description: "How many of them wait for a person" }),
      total: z.int().min(0),
    })
    .meta({ description: "Every mapping the filters match, across all pages" }),
});
export type MappingPage = z.infer<typeof MappingPage>;

/** The matcher's proposal for a source table (`aos map` prints the same), nothing stored. */
export const MappingSuggestion = z
  .object({
    entity: z
      .string()
      .nullable()
      .meta({ description: "The ontology entity the table maps onto; null when none fits", examples: ["opportunity"] }),
    confidence: z.number().min(0).max(1),
    mappings: z.array(
      z.object({
        field: z.string(),
        target: Target.nullable().meta({ description: 'The ontology field ("entity.field"); null when nothing fits' }),
        confidence: z.number().min(0).max(1),
        method: MatchMethod,
      }),
    ),
  })
  .meta({ id: "MappingSuggestion" });
export type MappingSuggestion = z.infer<typeof MappingSuggestion>;
