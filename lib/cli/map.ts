import { BadRequestError } from "@/lib/errors";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { OntologyDefinition } from "@/lib/dcl/ontology/definition";
import { matchTable } from "@/lib/dcl/matcher/match-table";
import { presentMatch } from "@/lib/dcl/matcher/present";
import { SourceTable } from "@/lib/dcl/matcher/types";
import { readJson } from "./read-json";

/**
 * `aos map <schema.json> [--ontology <ontology.json>]`: the offline matcher on one table, against
 * the built-in ontology or the one given. Needs no database and no LLM.
 */
export async function mapSchema(args: string[]) {
  const at = args.indexOf("--ontology");
  const ontologyFile = at >= 0 ? args[at + 1] : undefined;
  if (at >= 0 && !ontologyFile) throw new BadRequestError("--ontology needs a file");
  const positional = args.filter((arg, i) => (at < 0 || (i !== at && i !== at + 1)) && !arg.startsWith("--"));
  if (positional.length !== 1) throw new BadRequestError("usage: map <schema.json> [--ontology <ontology.json>]");
  const table = await readJson(positional[0], SourceTable, "schema");
  const ontology = ontologyFile ? await readJson(ontologyFile, OntologyDefinition, "ontology") : BUILTIN_ONTOLOGY;
  return presentMatch(matchTable(table, ontology));
}
