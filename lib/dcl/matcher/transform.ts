import { readVendorType } from "@/lib/aam/schema/vendor-types";
import type { OntologyField } from "@/lib/dcl/ontology/definition";
import { splitWords } from "./tokens";
import type { SourceField, SourceTable, ValueTransform } from "./types";
import { describeValues, type ValueShape } from "./value-shape";

/** Sources whose APIs state every amount in minor units (cents). */
const MINOR_UNIT_SOURCES = /stripe|chargebee|recurly|paddle|adyen|braintree/i;
const MINOR_UNIT_WORDS = new Set(["cents", "cent", "minor", "pence", "subunits"]);

/**
 * Does the table say its amounts are in minor units? It does when the field is named so
 * (`amount_cents`), the source is an API that always uses them, or the table follows Stripe's
 * conventions: integer amounts next to lower-case currency codes and prefixed ids (`in_...`).
 */
function amountsInMinorUnits(field: SourceField, shape: ValueShape, table: SourceTable): boolean {
  if (splitWords(field.name).some((w) => MINOR_UNIT_WORDS.has(w))) return true;
  if (shape.count > 0 && shape.integer < 1) return false;
  if (MINOR_UNIT_SOURCES.test(table.source)) return true;
  const shapes = table.fields.map((f) => ({ f, s: describeValues(f.samples) }));
  const lowerCaseCurrency = shapes.some(({ s }) => s.currencyCode > 0.8 && s.lowerCaseCurrency > 0.8);
  const prefixedIds = shapes.some(
    ({ f }) => f.samples.length > 0 && f.samples.every((v) => typeof v === "string" && /^[a-z]{2,5}_[A-Za-z0-9]{8,}$/.test(v)),
  );
  return lowerCaseCurrency && prefixedIds;
}

/** The conversion a source field needs to land in its target's type and unit, or null. */
export function chooseTransform(field: SourceField, target: OntologyField, table: SourceTable): ValueTransform | null {
  const shape = describeValues(field.samples);
  const type = readVendorType(field.type).type;
  if (target.type === "timestamp" || target.type === "date") {
    if (type !== "integer" && type !== "number" && shape.integer < 1) return null;
    if (shape.epochMillis > 0.8) return "epoch_millis";
    if (shape.epochSeconds > 0.8 || (shape.count === 0 && type === "integer")) return "epoch_seconds";
    return null;
  }
  if (target.semantic === "money") return amountsInMinorUnits(field, shape, table) ? "minor_units" : null;
  if (target.unit) {
    const saysPercent = splitWords(field.name).some((w) => w === "percent" || w === "pct" || w === "perc");
    const looksPercent = saysPercent || (shape.maxNumber ?? 0) > 1;
    if (target.unit === "fraction" && looksPercent) return "percent_to_fraction";
    if (target.unit === "percent" && !looksPercent && shape.count > 0 && shape.unitInterval === 1) return "fraction_to_percent";
  }
  return null;
}
