import { z } from "zod";
import { VendorTypeName } from "@/lib/aam/schema/vendor-types";

/** How a proposal was reached, strongest signal first. */
export const MatchMethod = z.enum(["prior", "exact", "alias", "tokens", "pattern", "llm", "manual", "none"]);
export type MatchMethod = z.infer<typeof MatchMethod>;

/** How values are converted on the way into a unified view. */
export const ValueTransform = z.enum(["epoch_seconds", "epoch_millis", "minor_units", "percent_to_fraction", "fraction_to_percent"]);
export type ValueTransform = z.infer<typeof ValueTransform>;

/**
 * One source table as the matcher sees it: the `aos map` input and `POST /dcl/mappings/suggest` body.
 * A field's `type` is the source's own type name, whatever it is (`datetime`, `varchar(255)`, `DATS`,
 * `Edm.Guid`, `many2one`): it is read as evidence and kept as given.
 */
export const SourceTable = z.object({
  source: z.string().min(1).max(200),
  table: z.string().min(1).max(1000),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(1000),
        type: VendorTypeName.default("string"),
        samples: z.array(z.json()).max(100).default([]),
      }),
    )
    .min(1)
    .max(2000),
});
export type SourceTable = z.infer<typeof SourceTable>;
export type SourceField = SourceTable["fields"][number];

export type FieldMatch = {
  field: string;
  /** "entity.field", or null when nothing in the ontology fits. */
  target: string | null;
  confidence: number;
  method: MatchMethod;
  transform: ValueTransform | null;
};

export type TableMatch = {
  entity: string | null;
  confidence: number;
  mappings: FieldMatch[];
};

/**
 * A mapping a person of the tenant approved or corrected: the same source field name is likely to
 * mean the same again, a similar name likely too, and in another table of the same `source` (its
 * connection's name or type) the same name likely means the same field of that table's entity.
 */
export type PriorApproval = { sourceField: string; target: string | null; source?: string };
