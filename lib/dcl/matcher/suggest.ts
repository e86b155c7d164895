import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { LlmError } from "@/lib/errors";
import type { LlmModel } from "@/lib/llm/model";
import { suggestWithLlm } from "./llm-suggest";
import { matchTable } from "./match-table";
import { mergeLlmSuggestion } from "./merge-llm";
import type { PriorApproval, SourceTable, TableMatch } from "./types";

/**
 * The matcher as the product runs it: offline first, then, when a model is configured, improved
 * by the LLM. An LLM failure (already counted in telemetry) leaves the offline answer in place.
 */
export async function suggestMapping(
  scope: TenantScope,
  table: SourceTable,
  ontology: OntologyDefinition,
  options: { priors?: PriorApproval[]; model: LlmModel | null },
): Promise<TableMatch> {
  const offline = matchTable(table, ontology, { priors: options.priors });
  if (!options.model) return offline;
  try {
    const suggestion = await suggestWithLlm({ scope, model: options.model, ontology, table });
    return mergeLlmSuggestion(table, ontology, offline, suggestion);
  } catch (error) {
    // Only a failed model call falls back (it is already logged and counted); a bug here surfaces.
    if (!(error instanceof LlmError)) throw error;
    return offline;
  }
}
