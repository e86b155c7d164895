import { z } from "zod";
import { JsonValue } from "@/lib/http/wire";

/** How a proposal was reached, strongest signal first. */
export const MatchMethod = z.enum(["prior", "exact", "alias", "tokens", "pattern", "llm", "manual", "none"]);
export type MatchMethod = z.infer<typeof MatchMethod>;

/** How values are converted on the way into a unified view. */
export const ValueTransform = z.enum(["epoch_seconds", "epoch_millis", "minor_units", "percent_to_fraction", "fraction_to_percent"]);
export type ValueTransform = z.infer<typeof ValueTransform>;

/**
 * A field's type as the source names it, whatever it is (`datetime`, `varchar(255)`, `DATS`,
 * `Edm.Guid`, `many2one`, a 500-character BigQuery `STRUCT<...>`): never refused. Missing, null or
 * blank reads as `string`; a long one is kept to its first 200 characters, enough to read and show.
 */
const SourceTypeName = z
  .string()
  .max(100_000)
  .nullish()
  .transform((type) => type?.trim().slice(0, 200) || "string")
  .meta({ description: "The source's own type name, in any vendor's words", examples: ["varchar(255)", "DATS", "Edm.Guid", "many2one"] });

/**
 * One source table as the matcher sees it: the `aos map` input and `POST /dcl/mappings/suggest` body.
 * A field's `type` is read as evidence (an unknown one is no evidence) and kept as given.
 */
export const SourceTable = z.object({
  source: z.string().min(1).max(200),
  table: z.string().min(1).max(1000),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(1000),
        type: SourceTypeName,
        samples: z.array(JsonValue).max(100).default([]),
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

/** Mappings proposed at or above this confidence are approved without a person. */
export const DEFAULT_AUTO_APPROVE = 0.9;
