import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Approves what auto-approval would have approved had the connection not been in safe mode: each
 * field's newest version when it is a matcher proposal still pending (no person made or decided
 * it, not the repair agent's) at or above `threshold`. Approved without an actor, like an auto-approval.
 * Returns how many were approved.
 */
export async function approveConfidentProposals(
  tx: Prisma.TransactionClient,
  at: { tenantId: string; connectionId: string },
  threshold: number,
): Promise<number> {
  const newest = await tx.mappingRegistry.findMany({
    where: { tenantId: at.tenantId, connectionId: at.connectionId },
    orderBy: [{ sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
    distinct: ["sourceStream", "sourceField"],
    select: { id: true, status: true, method: true, confidence: true, createdById: true, decidedById: true },
  });
  const ids = newest
    .filter(
      (m) =>
        m.status === "proposed" && m.method !== "repair" && m.createdById === null && m.decidedById === null && m.confidence >= threshold,
    )
    .map((m) => m.id);
  if (ids.length === 0) return 0;
  const { count } = await tx.mappingRegistry.updateMany({
    where: { tenantId: at.tenantId, id: { in: ids }, status: "proposed" },
    data: { status: "approved", decidedAt: new Date() },
  });
  return count;
}
