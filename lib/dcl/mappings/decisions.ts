import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { MappingRegistry, Prisma } from "@/lib/generated/prisma/client";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { parseTarget } from "@/lib/dcl/ontology/definition";
import { recordDecision, type DecisionAction } from "@/lib/inbox/audit";
import { toMappingDto } from "./dto";
import type { MappingDecision, RollbackInput } from "./schemas";

type Tx = Prisma.TransactionClient;

async function findMapping(ctx: TenantContext, id: string) {
  const row = await ctx.db.mappingRegistry.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!row) throw new NotFoundError("mapping");
  return row;
}

const fieldOf = (ctx: TenantContext, row: MappingRegistry) => ({
  tenantId: ctx.tenantId,
  connectionId: row.connectionId,
  sourceStream: row.sourceStream,
  sourceField: row.sourceField,
});

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
 * records the correction as a new approved version (method "manual"); the proposal is kept as
 * rejected. Rejecting a repair of the mapping in force (same target: its meaning changed) takes the
 * field out of the views. Every decision is audited with the evidence shown.
 */
export async function decideMapping({ ctx, id, input }: { ctx: TenantContext; id: string; input: MappingDecision }) {
  const row = await findMapping(ctx, id);
  const assertNewest = async (db: Tx) => {
    const newest = await db.mappingRegistry.findFirst({ where: fieldOf(ctx, row), orderBy: { version: "desc" } });
    if (newest!.id !== row.id) throw new ConflictError(`version ${row.version} is not the newest (${newest!.version}); decide on that one`);
  };
  await assertNewest(ctx.db);
  const corrected = input.decision === "approve" && input.target !== undefined && input.target !== row.ontologyField;
  if (corrected) await assertTarget(ctx, input.target!);
  const decided = { decidedById: ctx.actor.userId, decidedAt: new Date() };
  const result = await ctx.db.$transaction(async (tx) => {
    // Again inside: another decision may have landed since.
    await assertNewest(tx);
    const inForce = await mappingInForce(tx, ctx, row);
    const audit = (action: DecisionAction, target: string | null, after: MappingRegistry) =>
      recordDecision(
        { tenantId: ctx.tenantId, db: tx },
        {
          kind: row.method === "repair" ? "repair" : "mapping",
          itemId: row.id,
          action,
          connectionId: row.connectionId,
          stream: row.sourceStream,
          field: row.sourceField,
          fromField: evidenceOf(row)?.before?.field ?? null,
          target,
          before: { target: inForce?.ontologyField ?? null, status: row.status, version: row.version },
          after: { target: after.ontologyField, status: after.status, version: after.version },
          evidence: evidenceOf(row) ?? { confidence: row.confidence, method: row.method },
          reason: input.reason ?? null,
          actorId: ctx.actor.userId,
        },
      );
    if (!corrected) {
      const updated = await tx.mappingRegistry.update({
        where: { id: row.id },
        data: { status: input.decision === "approve" ? "approved" : "rejected", ...decided },
      });
      // A repair flagged the mapping in force (its values no longer agree): rejecting it unmaps the field.
      const unmap =
        input.decision === "reject" &&
        row.method === "repair" &&
        inForce?.ontologyField === row.ontologyField &&
        row.ontologyField !== null;
      const final = unmap
        ? await tx.mappingRegistry.create({
            data: {
              ...fieldOf(ctx, row),
              ontologyField: null,
              transform: null,
              confidence: 1,
              method: "manual",
              status: "approved",
              version: row.version + 1,
              createdById: ctx.actor.userId,
              ...decided,
            },
          })
        : updated;
      await audit(input.decision, row.ontologyField, final);
      return final;
    }
    // A proposal corrected is a proposal rejected; an approved version stays approved (it was in force once).
    await tx.mappingRegistry.update({ where: { id: row.id }, data: row.status === "approved" ? {} : { status: "rejected", ...decided } });
    const created = await tx.mappingRegistry.create({
      data: {
        ...fieldOf(ctx, row),
        ontologyField: input.target!,
        transform: input.target === row.ontologyField ? row.transform : null,
        confidence: 1,
        method: "manual",
        status: "approved",
        version: row.version + 1,
        createdById: ctx.actor.userId,
        ...decided,
      },
    });
    await audit("edit", input.target!, created);
    return created;
  });
  return toMappingDto(result);
}

/**
 * Puts an earlier approved version back in force as a new version (history is never rewritten).
 * Without a version, undoes the version in force: the approved one before it comes back, or, when
 * there was none (a field a repair mapped), the field is unmapped. Audited as a rollback.
 */
export async function rollbackMapping({ ctx, id, input }: { ctx: TenantContext; id: string; input: RollbackInput }) {
  const row = await findMapping(ctx, id);
  const created = await ctx.db.$transaction(async (tx) => {
    const newest = await tx.mappingRegistry.findFirst({ where: fieldOf(ctx, row), orderBy: { version: "desc" } });
    const inForce = await mappingInForce(tx, ctx, row);
    const restore =
      input.version !== undefined
        ? await tx.mappingRegistry.findFirst({ where: { ...fieldOf(ctx, row), version: input.version } })
        : await undone(tx, ctx, row, inForce);
    if (restore === undefined) throw new ConflictError(`version ${row.version} is not the mapping in force; nothing to undo`);
    if (restore === null && input.version !== undefined) throw new NotFoundError(`version ${input.version}`);
    // Statuses only move from proposed to approved or rejected, so "approved" means it was in force once.
    if (restore && restore.status !== "approved") throw new ConflictError(`version ${input.version} was never approved`);
    const version = await tx.mappingRegistry.create({
      data: {
        ...fieldOf(ctx, row),
        ontologyField: restore?.ontologyField ?? null,
        transform: restore?.transform ?? null,
        confidence: restore?.confidence ?? 1,
        method: "rollback",
        status: "approved",
        version: newest!.version + 1,
        createdById: ctx.actor.userId,
        decidedById: ctx.actor.userId,
        decidedAt: new Date(),
      },
    });
    await recordDecision(
      { tenantId: ctx.tenantId, db: tx },
      {
        kind: row.method === "repair" ? "repair" : "mapping",
        itemId: row.id,
        action: "rollback",
        connectionId: row.connectionId,
        stream: row.sourceStream,
        field: row.sourceField,
        fromField: evidenceOf(row)?.before?.field ?? null,
        target: version.ontologyField,
        before: { target: inForce?.ontologyField ?? null, version: inForce?.version ?? null },
        after: { target: version.ontologyField, version: version.version, restored: restore?.version ?? null },
        evidence: evidenceOf(row) ?? {},
        reason: input.reason ?? null,
        actorId: ctx.actor.userId,
      },
    );
    return version;
  });
  return toMappingDto(created);
}

/** The version an undo of `row` restores: the approved one before it, or null (none); undefined when `row` is not in force. */
async function undone(
  tx: Tx,
  ctx: TenantContext,
  row: MappingRegistry,
  inForce: MappingRegistry | null,
): Promise<MappingRegistry | null | undefined> {
  if (inForce?.id !== row.id) return undefined;
  return tx.mappingRegistry.findFirst({
    where: { ...fieldOf(ctx, row), status: "approved", version: { lt: row.version } },
    orderBy: { version: "desc" },
  });
}

async function mappingInForce(tx: Tx, ctx: TenantContext, row: MappingRegistry): Promise<MappingRegistry | null> {
  return tx.mappingRegistry.findFirst({ where: { ...fieldOf(ctx, row), status: "approved" }, orderBy: { version: "desc" } });
}

function evidenceOf(row: MappingRegistry): ({ before?: { field: string } | null } & Prisma.JsonObject) | null {
  return row.evidence && typeof row.evidence === "object" && !Array.isArray(row.evidence)
    ? (row.evidence as Prisma.JsonObject & { before?: { field: string } | null })
    : null;
}
