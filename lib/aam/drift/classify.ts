import type { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { detectRenames, type FieldSide } from "./rename";
import { classifyTypeChange } from "./type-change";
import type { SchemaChange } from "./types";

export type StreamSchema = { fields: SchemaField[]; profile?: SchemaProfile };

/**
 * Every difference between a stream's accepted schema and the one just seen: renames first (a
 * removed and an added field that are the same data), then what is left removed or added, then
 * type and nullability changes of fields present in both.
 */
export function compareSchemas(previous: StreamSchema, current: StreamSchema): SchemaChange[] {
  const before = new Map(previous.fields.map((f) => [f.name, f]));
  const after = new Map(current.fields.map((f) => [f.name, f]));
  const side = (schema: StreamSchema, field: SchemaField): FieldSide => ({
    field,
    profile: schema.profile?.fields[field.name],
    position: schema.fields.indexOf(field),
    count: schema.fields.length,
  });
  const removed = previous.fields.filter((f) => !after.has(f.name)).map((f) => side(previous, f));
  const added = current.fields.filter((f) => !before.has(f.name)).map((f) => side(current, f));
  const renames = detectRenames(removed, added);
  const renamedFrom = new Set(renames.map((r) => r.from.name));
  const renamedTo = new Set(renames.map((r) => r.to.name));

  const changes: SchemaChange[] = renames.map((r) => ({
    kind: "field_renamed",
    severity: "breaking",
    field: r.to.name,
    previousField: r.from.name,
    previousType: r.from.type,
    currentType: r.to.type,
    confidence: r.confidence,
    details: {
      evidence: r.evidence,
      ...(r.from.type !== r.to.type ? { typeChange: classifyTypeChange(r.from.type, r.to.type).direction } : {}),
    },
  }));
  for (const { field } of removed) {
    if (!renamedFrom.has(field.name))
      changes.push({ kind: "field_removed", severity: "breaking", field: field.name, previousType: field.type, details: {} });
  }
  for (const { field } of added) {
    if (!renamedTo.has(field.name))
      changes.push({
        kind: "field_added",
        severity: "non_breaking",
        field: field.name,
        currentType: field.type,
        details: { nullable: field.nullable },
      });
  }
  for (const field of current.fields) {
    const old = before.get(field.name);
    if (!old) continue;
    if (old.type !== field.type) {
      const { direction, severity } = classifyTypeChange(old.type, field.type);
      changes.push({
        kind: "type_changed",
        severity,
        field: field.name,
        previousType: old.type,
        currentType: field.type,
        details: { direction },
      });
    }
    if (old.nullable !== field.nullable) {
      changes.push({
        kind: "nullability_changed",
        severity: field.nullable ? "potentially_breaking" : "non_breaking",
        field: field.name,
        details: { nullable: field.nullable },
      });
    }
  }
  return changes;
}
