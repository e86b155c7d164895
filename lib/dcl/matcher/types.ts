import { z } from "zod";
import { FieldType } from "@/lib/aam/connectors/types";

/** How a proposal was reached, strongest signal first. */
export const MatchMethod = z.enum(["prior", "exact", "alias", "tokens", "pattern", "llm", "manual", "none"]);
export type MatchMethod = z.infer<typeof MatchMethod>;

/** How values are converted on the way into a unified view. */
export const ValueTransform = z.enum(["epoch_seconds", "epoch_millis", "minor_units", "percent_to_fraction", "fraction_to_percent"]);
export type ValueTransform = z.infer<typeof ValueTransform>;

/** One source table as the matcher sees it: the `aos map` input and `POST /dcl/mappings/suggest` body. */
export const SourceTable = z.object({
  source: z.string().min(1).max(200),
  table: z.string().min(1).max(1000),
  fields: z
    .array(
      z.object({
        name: z.string().min(1).max(1000),
        type: FieldType.default("string"),
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

/** A mapping the tenant approved before: the same source field name is likely to mean the same again. */
export type PriorApproval = { sourceField: string; target: string | null };
