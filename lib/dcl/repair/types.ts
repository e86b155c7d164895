import { z } from "zod";
import { VendorTypeName } from "@/lib/aam/schema/vendor-types";

/** A field as a source describes it: its name, its type in the source's own words, and sample values. */
const DriftField = z.object({
  name: z.string().min(1).max(1000),
  /** Any vendor's type name (`datetime`, `DATS`, `decimal(18,2)`, `picklist`, ...); see lib/aam/schema/vendor-types.ts. */
  type: VendorTypeName.default("string"),
  samples: z.array(z.json()).max(50).default([]),
});

/** The most fields a side may have: every pair of a removed and an added field is scored, and this keeps that to milliseconds. */
export const MAX_FIELDS = 500;

const Fields = z
  .array(DriftField)
  .max(MAX_FIELDS)
  .refine((fields) => new Set(fields.map((f) => f.name)).size === fields.length, "field names must be unique");

const Target = z.string().regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'a target is "entity.field"');

/**
 * One table's schema before and after a change, with the mappings in force: the `aos repair`
 * input and `POST /api/v1/dcl/repairs/suggest` body. Samples are lined up: sample i of every field,
 * before and after, comes from the same source record.
 */
export const DriftInput = z.object({
  source: z.string().min(1).max(200),
  table: z.string().min(1).max(1000),
  before: z.object({ fields: Fields }),
  mappings: z.record(z.string().max(1000), Target).default({}),
  after: z.object({ fields: Fields.refine((fields) => fields.length > 0, "at least one field") }),
});
export type DriftInput = z.infer<typeof DriftInput>;

/** Where a repair goes: applied at once, waiting for a person, or only reported. */
export type RepairApply = "auto" | "review" | "report";

/** What the agent decided for one field of the new schema. */
export type RepairKind = "keep" | "rename" | "new" | "ignore";

export type Repair = {
  field: string;
  /** "entity.field", or null: the field stays unmapped. */
  target: string | null;
  confidence: number;
  /** The field of the old schema it continues, when there is one. */
  from: string | null;
  apply: RepairApply;
  kind: RepairKind;
  /** How values convert on the way to the target, when the unit changed (lib/dcl/matcher/types.ts). */
  transform: string | null;
  /** One line a person can read. */
  reason: string;
};

export type RepairPlan = { entity: string | null; repairs: Repair[]; removed: string[] };

/** Confidence at or above `auto` is applied, at or above `review` waits for a person, below is reported. */
export type RepairThresholds = { auto: number; review: number };
