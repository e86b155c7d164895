import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { approvedMappings } from "@/lib/dcl/mappings/registry";
import type { InboxCounts } from "@/lib/inbox/list";
import { fillDays, utcDay, windowStart, type DayPoint } from "./days";

export type MappingKpi = {
  /** Source fields mapped to the ontology now (their newest approved version names a target). */
  inForce: number;
  /** Of those, approved by the matcher or the repair agent without a person. */
  automatic: number;
  /** Proposals waiting for a person now. */
  waitingNow: number;
  /** Mapping versions approved per UTC day: automatically, or by a person. */
  daily: DayPoint<"automatic" | "people">[];
};

const byPerson = (m: { decidedById: string | null; createdById: string | null }) => m.decidedById !== null || m.createdById !== null;

/** The mappings in force, how they were approved, and the proposals waiting for review. */
export async function mappingKpi(ctx: TenantContext, inbox: InboxCounts, now: Date, days: number): Promise<MappingKpi> {
  const since = windowStart(now, days);
  const [inForce, approved] = await Promise.all([
    approvedMappings(ctx),
    ctx.db.mappingRegistry.findMany({
      where: {
        tenantId: ctx.tenantId,
        status: "approved",
        OR: [{ decidedAt: { gte: since } }, { decidedAt: null, createdAt: { gte: since } }],
      },
      select: { decidedAt: true, createdAt: true, decidedById: true, createdById: true },
    }),
  ]);
  const mapped = inForce.filter((m) => m.ontologyField !== null);
  return {
    inForce: mapped.length,
    automatic: mapped.filter((m) => !byPerson(m)).length,
    waitingNow: inbox.mapping,
    daily: fillDays(
      approved.map((m) => ({ day: utcDay(m.decidedAt ?? m.createdAt), automatic: byPerson(m) ? 0 : 1, people: byPerson(m) ? 1 : 0 })),
      ["automatic", "people"] as const,
      now,
      days,
    ),
  };
}
