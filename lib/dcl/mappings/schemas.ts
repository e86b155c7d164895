import { z } from "zod";

export const MappingStatusFilter = z.enum(["proposed", "approved", "rejected"]);

export const ListMappingsQuery = z.object({
  connectionId: z.uuid().optional(),
  stream: z.string().min(1).max(1000).optional(),
  status: MappingStatusFilter.optional(),
  /** Every version rather than only each field's newest. */
  history: z.stringbool().default(false),
});
export type ListMappingsQuery = z.infer<typeof ListMappingsQuery>;

export const MappingParams = z.object({ id: z.uuid() });

/** Why a person decided so, kept in the audit (lib/inbox/audit.ts). */
const Reason = z.string().trim().max(500).optional();

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
