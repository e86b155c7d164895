import { BadRequestError } from "@/lib/errors";
import { BUILTIN_ONTOLOGY } from "@/lib/dcl/ontology/builtin";
import { presentRepairs } from "@/lib/dcl/repair/present";
import { suggestRepairs } from "@/lib/dcl/repair/suggest";
import { DriftInput } from "@/lib/dcl/repair/types";
import { readJson } from "./read-json";

/**
 * `aos repair <drift.json>`: the repair agent on one table's schema change, against the built-in
 * ontology with the default thresholds. Needs no database and no LLM.
 */
export async function repairSchema(args: string[]) {
  const positional = args.filter((arg) => !arg.startsWith("--"));
  if (positional.length !== 1) throw new BadRequestError("usage: repair <drift.json>");
  return presentRepairs(suggestRepairs(await readJson(positional[0]!, DriftInput, "drift"), BUILTIN_ONTOLOGY));
}
