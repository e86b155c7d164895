import { createHash } from "node:crypto";
import { z } from "zod";
import { FieldType, type JsonValue, type SourceField, type SourceRecord } from "@/lib/aam/connectors/types";
import { typeOfValue } from "@/lib/aam/connectors/infer";
import { JsonValue as AnyJson } from "@/lib/http/wire";

/**
 * A field as fingerprints see it. Stored in source order; hashed in name order. `sourceType`, the
 * source's own type name (`varchar`, `picklist`), is kept for the matcher but never hashed.
 */
export const SchemaField = z
  .object({
    name: z.string(),
    type: FieldType,
    nullable: z.boolean(),
    sourceType: z
      .string()
      .optional()
      .meta({ description: "The source's own type name", examples: ["timestamptz", "picklist"] }),
  })
  .meta({ id: "StreamField" });
export type SchemaField = z.infer<typeof SchemaField>;

export const FieldProfile = z.object({
  types: z
    .record(z.string(), z.number())
    .meta({ description: "How many sampled values had each type (`null` counted apart)", examples: [{ integer: 98, null: 2 }] }),
  nullRate: z.number().meta({ description: "The share of sampled values that were null, 0 to 1" }),
  examples: z.array(AnyJson).meta({ description: "Up to five distinct example values, long strings cut" }),
});
export type FieldProfile = z.infer<typeof FieldProfile>;

export const SchemaProfile = z
  .object({
    sampled: z.number().meta({ description: "How many records the profile was made from" }),
    fields: z.record(z.string(), FieldProfile).meta({ description: "Each field's profile, by name" }),
  })
  .meta({ id: "StreamProfile" });
export type SchemaProfile = z.infer<typeof SchemaProfile>;

export function normalizeFields(fields: SourceField[]): SchemaField[] {
  return fields.map(({ name, type, nullable, sourceType }) =>
    sourceType === undefined ? { name, type, nullable } : { name, type, nullable, sourceType },
  );
}

/**
 * The stable identity of a schema: SHA-256 over field names, types and nullability, in name order,
 * so reordered columns, a different sample or a different source type name with the same type never
 * count as a change.
 */
export function fingerprintSchema(fields: SchemaField[]): string {
  const canonical = [...fields].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => [f.name, f.type, f.nullable]);
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

const EXAMPLES = 5;
const EXAMPLE_CHARS = 120;

export function profileSample(fields: SchemaField[], sample: SourceRecord[]): SchemaProfile {
  // No prototype: a field may be named `__proto__`.
  const profile: SchemaProfile = { sampled: sample.length, fields: Object.create(null) as SchemaProfile["fields"] };
  for (const field of fields) {
    const types: Record<string, number> = {};
    const examples = new Map<string, JsonValue>();
    let nulls = 0;
    for (const record of sample) {
      const value = record[field.name] ?? null;
      const type = typeOfValue(value) ?? "null";
      types[type] = (types[type] ?? 0) + 1;
      if (value === null) nulls++;
      else if (examples.size < EXAMPLES) {
        const shown = typeof value === "string" && value.length > EXAMPLE_CHARS ? `${value.slice(0, EXAMPLE_CHARS)}…` : value;
        examples.set(JSON.stringify(shown), shown);
      }
    }
    profile.fields[field.name] = { types, nullRate: sample.length ? nulls / sample.length : 0, examples: [...examples.values()] };
  }
  return profile;
}
