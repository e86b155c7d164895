import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { presentRepairs } from "./present";
import { suggestRepairs } from "./suggest";
import type { DriftInput } from "./types";

/** The agent's proposals for a schema change against the tenant's ontology (built-in plus its extensions). */
export async function suggestRepairsForTenant(scope: TenantScope, input: DriftInput) {
  return presentRepairs(suggestRepairs(input, await getTenantOntology(scope)));
}
