import "server-only";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { toMappingDto } from "./dto";
import type { ListMappingsQuery, Mapping, MappingPage } from "./schemas";

/**
 * The tenant's mappings, filtered, a page at a time: each field's newest version (or, with
 * `history`, every version), ordered by connection, stream and field, newest version first.
 * `counts` covers every mapping the filters match. Keyset pages over that order (ending in `id`):
 * the cursor is the last mapping's id.
 */
export async function listMappings({ ctx, query }: { ctx: TenantContext; query: ListMappingsQuery }): Promise<MappingPage> {
  const matching = matchingVersions(ctx, query);
  const after = query.cursor
    ? Prisma.sql`WHERE (m.connection_id, m.source_stream, m.source_field, -m.version, m.id) >
        (SELECT c.connection_id, c.source_stream, c.source_field, -c.version, c.id FROM mapping_registry c
         WHERE c.id = ${query.cursor}::uuid AND c.tenant_id = ${ctx.tenantId}::uuid)`
    : Prisma.empty;
  const [page, [counts]] = await Promise.all([
    ctx.db.$queryRaw<{ id: string }[]>`
      SELECT m.id::text AS id FROM (${matching}) m ${after}
      ORDER BY m.connection_id, m.source_stream, m.source_field, m.version DESC, m.id
      LIMIT ${query.limit + 1}`,
    ctx.db.$queryRaw<{ total: number; proposed: number }[]>`
      SELECT count(*)::int AS total, (count(*) FILTER (WHERE m.status = 'proposed'))::int AS proposed FROM (${matching}) m`,
  ]);
  const ids = page.slice(0, query.limit).map((r) => r.id);
  const rows = await ctx.db.mappingRegistry.findMany({ where: { tenantId: ctx.tenantId, id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((id) => (byId.has(id) ? [toMappingDto(byId.get(id)!)] : []));
  return {
    items,
    counts: { proposed: counts?.proposed ?? 0, total: counts?.total ?? 0 },
    nextCursor: page.length > query.limit ? ids.at(-1)! : null,
  };
}

/** The versions the filters pick: each field's newest (or every one, with `history`), then those of `status`. */
function matchingVersions(ctx: TenantScope, query: ListMappingsQuery): Prisma.Sql {
  const where = Prisma.join(
    [
      Prisma.sql`tenant_id = ${ctx.tenantId}::uuid`,
      ...(query.connectionId ? [Prisma.sql`connection_id = ${query.connectionId}::uuid`] : []),
      ...(query.stream !== undefined ? [Prisma.sql`source_stream = ${query.stream}`] : []),
    ],
    " AND ",
  );
  const versions = query.history
    ? Prisma.sql`SELECT id, connection_id, source_stream, source_field, version, status FROM mapping_registry WHERE ${where}`
    : Prisma.sql`SELECT DISTINCT ON (connection_id, source_stream, source_field) id, connection_id, source_stream, source_field, version, status
        FROM mapping_registry WHERE ${where} ORDER BY connection_id, source_stream, source_field, version DESC`;
  return query.status ? Prisma.sql`SELECT * FROM (${versions}) v WHERE v.status::text = ${query.status}` : versions;
}

/** Every version of every field's mapping in the tenant, each field's newest first: what the Ontology page lays out. */
export async function allMappingVersions(scope: TenantScope): Promise<Mapping[]> {
  const rows = await scope.db.mappingRegistry.findMany({
    where: { tenantId: scope.tenantId },
    orderBy: [{ connectionId: "asc" }, { sourceStream: "asc" }, { sourceField: "asc" }, { version: "desc" }],
  });
  return rows.map(toMappingDto);
}
