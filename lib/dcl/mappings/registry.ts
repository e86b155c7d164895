import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { MappingRegistry } from "@/lib/generated/prisma/client";
import { connectionSource } from "@/lib/dcl/matcher/priors";
import type { PriorApproval, TableMatch } from "@/lib/dcl/matcher/types";

export type MappingRow = MappingRegistry;
export type StreamKey = { connectionId: string; stream: string };

/** The newest version of every field's mapping in one stream (whatever its status), by source field. */
export async function latestVersions(scope: TenantScope, at: StreamKey): Promise<Map<string, MappingRow>> {
  const rows = await scope.db.mappingRegistry.findMany({
    where: { tenantId: scope.tenantId, connectionId: at.connectionId, sourceStream: at.stream },
    orderBy: [{ sourceField: "asc" }, { version: "desc" }],
    distinct: ["sourceField"],
  });
  return new Map(rows.map((r) => [r.sourceField, r]));
}

/**
 * The mapping in force for every field (of one connection, when given): its newest approved
 * version. A newer proposal waiting for a human does not replace it until approved.
 */
export async function approvedMappings(scope: TenantScope, connectionId?: string): Promise<MappingRow[]> {
  return scope.db.mappingRegistry.findMany({
    where: { tenantId: scope.tenantId, status: "approved", ...(connectionId ? { connectionId } : {}) },
    orderBy: [{ connectionId: "asc" }, { sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
    distinct: ["connectionId", "sourceStream", "sourceField"],
  });
}

/** What people decided before: approved mappings a human made or confirmed, as matcher priors, each with its connection as source. */
export async function humanApprovals(scope: TenantScope): Promise<PriorApproval[]> {
  const rows = (await approvedMappings(scope)).filter((r) => r.decidedById !== null || r.createdById !== null);
  const connections = await scope.db.connection.findMany({
    where: { tenantId: scope.tenantId, id: { in: [...new Set(rows.map((r) => r.connectionId))] } },
    select: { id: true, type: true, name: true },
  });
  const sources = new Map(connections.map((c) => [c.id, connectionSource(c)]));
  return rows.map((r) => ({ sourceField: r.sourceField, target: r.ontologyField, source: sources.get(r.connectionId) }));
}

/**
 * Records the matcher's proposals for one stream. A field gets a new version only when the
 * proposal differs from its newest one, and never over a human's or the repair agent's decision, so re-running with
 * nothing changed writes nothing. Proposals at or above the threshold are approved at once.
 */
export async function recordProposals(
  scope: TenantScope,
  at: StreamKey,
  match: TableMatch,
  threshold: number,
  latest: Map<string, MappingRow>,
) {
  const now = new Date();
  let proposed = 0;
  let approved = 0;
  for (const m of match.mappings) {
    const current = latest.get(m.field);
    // Never over a person's decision, nor over the repair agent's (which saw the values before and after a change).
    if (current && (current.decidedById !== null || current.createdById !== null || current.method === "repair")) continue;
    if (current && current.ontologyField === m.target && current.transform === m.transform) continue;
    const auto = m.confidence >= threshold;
    await scope.db.mappingRegistry.create({
      data: {
        tenantId: scope.tenantId,
        connectionId: at.connectionId,
        sourceStream: at.stream,
        sourceField: m.field,
        ontologyField: m.target,
        transform: m.transform,
        confidence: m.confidence,
        method: m.method,
        status: auto ? "approved" : "proposed",
        version: (current?.version ?? 0) + 1,
        decidedAt: auto ? now : null,
      },
    });
    auto ? (approved += 1) : (proposed += 1);
  }
  return { proposed, approved };
}
