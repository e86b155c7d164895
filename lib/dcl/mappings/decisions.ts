import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { parseTarget } from "@/lib/dcl/ontology/definition";
import { toMappingDto } from "./dto";
import type { MappingDecision, RollbackInput } from "./schemas";

async function findMapping(ctx: TenantContext, id: string) {
  const row = await ctx.db.mappingRegistry.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!row) throw new NotFoundError("mapping not found");
  return row;
}

async function assertTarget(ctx: TenantContext, target: string | null) {
  if (target === null) return;
  const { entity, field } = parseTarget(target);
  const ontology = await getTenantOntology(ctx);
  if (!ontology.entities.some((e) => e.name === entity && e.fields.some((f) => f.name === field))) {
    throw new ValidationError(`"${target}" is not in the ontology`, [{ path: "target", message: "unknown entity or field" }]);
  }
}

/**
 * Approves or rejects the newest version of a field's mapping. Approving with a different target
 * records the correction as a new approved version (method "manual"); the proposal is kept as rejected.
 */
export async function decideMapping({ ctx, id, input }: { ctx: TenantContext; id: string; input: MappingDecision }) {
  const row = await findMapping(ctx, id);
  const newest = await ctx.db.mappingRegistry.findFirst({
    where: { tenantId: ctx.tenantId, connectionId: row.connectionId, sourceStream: row.sourceStream, sourceField: row.sourceField },
    orderBy: { version: "desc" },
  });
  if (newest!.id !== row.id) throw new ConflictError(`version ${row.version} is not the newest (${newest!.version}); decide on that one`);
  const decided = { decidedById: ctx.actor.userId, decidedAt: new Date() };
  const corrected = input.decision === "approve" && input.target !== undefined && input.target !== row.ontologyField;
  if (!corrected) {
    const updated = await ctx.db.mappingRegistry.update({ where: { id: row.id }, data: { status: input.decision === "approve" ? "approved" : "rejected", ...decided } });
    return toMappingDto(updated);
  }
  await assertTarget(ctx, input.target!);
  const created = await ctx.db.$transaction(async (tx) => {
    // A proposal corrected is a proposal rejected; an approved version stays approved (it was in force once).
    await tx.mappingRegistry.update({ where: { id: row.id }, data: row.status === "approved" ? {} : { status: "rejected", ...decided } });
    return tx.mappingRegistry.create({
      data: {
        tenantId: ctx.tenantId, connectionId: row.connectionId, sourceStream: row.sourceStream, sourceField: row.sourceField,
        ontologyField: input.target!, transform: input.target === row.ontologyField ? row.transform : null, confidence: 1, method: "manual",
        status: "approved", version: row.version + 1, createdById: ctx.actor.userId, ...decided,
      },
    });
  });
  return toMappingDto(created);
}

/** Puts an earlier approved version back in force, as a new version (history is never rewritten). */
export async function rollbackMapping({ ctx, id, input }: { ctx: TenantContext; id: string; input: RollbackInput }) {
  const row = await findMapping(ctx, id);
  const where = { tenantId: ctx.tenantId, connectionId: row.connectionId, sourceStream: row.sourceStream, sourceField: row.sourceField };
  const [target, newest] = await Promise.all([
    ctx.db.mappingRegistry.findFirst({ where: { ...where, version: input.version } }),
    ctx.db.mappingRegistry.findFirst({ where, orderBy: { version: "desc" } }),
  ]);
  if (!target) throw new NotFoundError(`version ${input.version} not found`);
  // Statuses only move from proposed to approved or rejected, so "approved" means it was in force once.
  if (target.status !== "approved") throw new ConflictError(`version ${input.version} was never approved`);
  const created = await ctx.db.mappingRegistry.create({
    data: {
      ...where, ontologyField: target.ontologyField, transform: target.transform, confidence: target.confidence, method: "rollback",
      status: "approved", version: newest!.version + 1, createdById: ctx.actor.userId, decidedById: ctx.actor.userId, decidedAt: new Date(),
    },
  });
  return toMappingDto(created);
}
