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

/** A person's decision on a proposal. Approving with a `target` corrects it first ("entity.field", or null for none). */
export const MappingDecision = z.object({
  decision: z.enum(["approve", "reject"]),
  target: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'expected "entity.field"').nullable().optional(),
});
export type MappingDecision = z.infer<typeof MappingDecision>;

export const RollbackInput = z.object({ version: z.number().int().min(1) });
export type RollbackInput = z.infer<typeof RollbackInput>;
