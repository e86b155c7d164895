import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { OntologyDefinition } from "./ontology/definition";
import { getTenantOntology } from "./ontology/tenant-ontology";
import { readBuild, type BuildRead, type BuildSummary } from "./views/builds";

/** What the views, the graph and the Ontology page all describe: the tenant's ontology and its current build. */
export type DclState = { ontology: OntologyDefinition; build: BuildSummary };

export async function readDclState(scope: TenantScope, read: BuildRead = {}): Promise<DclState> {
  const [ontology, build] = await Promise.all([getTenantOntology(scope), readBuild(scope, read)]);
  return { ontology, build };
}
