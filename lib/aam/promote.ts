import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { approveConfidentProposals } from "@/lib/dcl/mappings/approve-confident";
import { getDclSettings } from "@/lib/dcl/settings";
import { getConnection } from "@/lib/aam/connections";
import type { PromotionResult } from "@/lib/aam/schemas";
import { requestSync } from "@/lib/aam/source-actions";

/**
 * Takes a connection out of safe mode, the only way out (lib/aam/safe-mode.ts): no row limit any
 * more, every stream's read state reset so the next sync reads everything, the matcher proposals
 * auto-approval would have approved approved, all in one transaction; then a sync is queued, which
 * leads to a rebuild as usual. Scoped to the tenant: NotFoundError; ConflictError (409) when the
 * connection is not in safe mode.
 */
export async function promoteConnection({ ctx, id }: { ctx: TenantContext; id: string }): Promise<PromotionResult> {
  const { autoApproveThreshold } = await getDclSettings(ctx);
  const { streamsReset, mappingsApproved } = await ctx.db.$transaction(async (tx) => {
    const where = { id, tenantId: ctx.tenantId };
    const { count } = await tx.connection.updateMany({
      where: { ...where, safeMode: true },
      data: { safeMode: false, sampleRowLimit: null },
    });
    if (count === 0) {
      if ((await tx.connection.count({ where })) === 0) throw new NotFoundError("Connection");
      throw new ConflictError("The connection is not in safe mode");
    }
    const streams = await tx.connectionStream.updateMany({
      where: { tenantId: ctx.tenantId, connectionId: id },
      data: { state: Prisma.DbNull },
    });
    const approved = await approveConfidentProposals(tx, { tenantId: ctx.tenantId, connectionId: id }, autoApproveThreshold);
    return { streamsReset: streams.count, mappingsApproved: approved };
  });
  const connection = await getConnection({ ctx, id });
  const sync = connection.status === "paused" ? null : await requestSync({ ctx, id, fresh: true });
  return { connection, streamsReset, mappingsApproved, sync };
}
