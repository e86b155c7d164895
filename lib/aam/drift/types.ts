import { z } from "zod";
import type { FieldType, JsonValue } from "@/lib/aam/connectors/types";

export const DriftKind = z.enum([
  "stream_added",
  "stream_removed",
  "field_added",
  "field_removed",
  "field_renamed",
  "type_changed",
  "nullability_changed",
]);
export type DriftKind = z.infer<typeof DriftKind>;

export const Severity = z.enum(["breaking", "potentially_breaking", "non_breaking"]);
export type Severity = z.infer<typeof Severity>;

/** One classified difference between the accepted schema of a stream and the one just seen. */
export type SchemaChange = {
  kind: DriftKind;
  severity: Severity;
  field?: string;
  previousField?: string;
  previousType?: FieldType;
  currentType?: FieldType;
  /** For renames: how sure the detector is that this is one field renamed, not a drop and an add. */
  confidence?: number;
  details: Record<string, JsonValue>;
};
