import type { Vocabulary } from "@/lib/dcl/ontology/definition";
import type { Alias } from "./name-similarity";

/** Another system's own names count less outside it: Odoo's invoice `name` is its number, elsewhere a name is a name. */
const OTHER_SYSTEM = 0.85;

/**
 * An entity's or field's aliases and vocabulary as the matcher weighs them for one source table:
 * every language counts fully; a system's names (`sap`, `odoo`, ...) fully when the table's source
 * or name mentions that system, a little less otherwise.
 */
export function aliasesOf(item: { aliases: string[]; vocabulary: Vocabulary }, table: { source: string; table: string }): Alias[] {
  const here = `${table.source} ${table.table}`.toLowerCase().replace(/[^a-z0-9]+/g, "_");
  return [
    ...item.aliases.map((name) => ({ name, weight: 1 })),
    ...Object.entries(item.vocabulary).flatMap(([key, names]) => {
      const weight = key.length === 2 || here.includes(key) ? 1 : OTHER_SYSTEM;
      return names.map((name) => ({ name, weight }));
    }),
  ];
}
