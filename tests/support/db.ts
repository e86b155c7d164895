import { getDb } from "@/lib/db";
import { systemDb, tenantDb } from "@/lib/db/scope";

/** What a test inspects directly, across tenants (the owner's view, like an operator's psql). */
export async function inspectDb() {
  return systemDb(await getDb(), "test inspection");
}

/** The client domain code gets for one tenant, as the route wrapper and the engine build it. */
export async function scopedDb(tenantId: string) {
  return tenantDb(await getDb(), tenantId);
}
