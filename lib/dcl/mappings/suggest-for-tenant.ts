import "server-only";
import type { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import { getLanguageModel } from "@/lib/llm/model";
import { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { suggestMapping } from "@/lib/dcl/matcher/suggest";
import { SourceTable } from "@/lib/dcl/matcher/types";
import { presentMatch } from "@/lib/dcl/matcher/present";
import { humanApprovals } from "./registry";

/** `POST /dcl/mappings/suggest`: a source table, and optionally a target ontology other than the tenant's. */
export const SuggestInput = SourceTable.extend({ ontology: OntologyDefinition.optional() });
export type SuggestInput = z.infer<typeof SuggestInput>;

/** Proposes a mapping without storing anything, the same answer `aos map` prints (plus the LLM when configured). */
export async function suggestForTenant({ ctx, input }: { ctx: TenantContext; input: SuggestInput }) {
  const { ontology: given, ...table } = input;
  const ontology = given ?? (await getTenantOntology(ctx));
  const priors = given ? [] : await humanApprovals(ctx);
  const match = await suggestMapping(ctx, table, ontology, { priors, model: getLanguageModel() });
  return presentMatch(match);
}
