import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { toMappingDto } from "./dto";
import type { ListMappingsQuery } from "./schemas";

/** The tenant's mappings: each field's newest version (or, with `history`, every version), filtered. */
export async function listMappings({ ctx, input }: { ctx: TenantContext; input: ListMappingsQuery }) {
  const rows = await ctx.db.mappingRegistry.findMany({
    where: { tenantId: ctx.tenantId, connectionId: input.connectionId, sourceStream: input.stream },
    orderBy: [{ connectionId: "asc" }, { sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
    ...(input.history ? {} : { distinct: ["connectionId", "sourceStream", "sourceField"] as const }),
  });
  const items = rows.filter((r) => !input.status || r.status === input.status).map(toMappingDto);
  return { items, counts: { proposed: items.filter((m) => m.status === "proposed").length, total: items.length } };
}
