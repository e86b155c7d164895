import { z } from "zod";
import { readVendorType } from "@/lib/aam/schema/vendor-types";

/** Names of entities and fields: they become DuckDB table and column names, so they are plain snake_case. */
export const OntologyName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, "use lower-case letters, digits and underscores, starting with a letter (at most 63)");

export const OntologyFieldType = z.enum(["string", "integer", "number", "boolean", "date", "timestamp"]);
export type OntologyFieldType = z.infer<typeof OntologyFieldType>;

/** A field's type, given in any vendor's words (`varchar(80)`, `Edm.Decimal`, `DATS`) and stored as the ontology's; JSON and unknown names store as strings. */
const FieldTypeName = z.preprocess((value) => {
  if (typeof value !== "string" || OntologyFieldType.safeParse(value).success) return value;
  const type = readVendorType(value.slice(0, 200)).type;
  return type === null || type === "json" ? "string" : type;
}, OntologyFieldType);

const Alias = z.string().min(1).max(100);

/** More names, by language (two letters: `de`, `fr`, `es`, `pt`, `it`, `nl`, `en`) or by source system (`sap`, `odoo`, `netsuite`, `dynamics`). */
export const Vocabulary = z
  .record(z.string().regex(/^[a-z][a-z0-9_]{1,19}$/, "a language code or system name"), z.array(Alias).max(100))
  .default({})
  .meta({ description: "More names, by language (`de`, `fr`, ...) or by source system (`sap`, `odoo`, ...)" });
export type Vocabulary = z.infer<typeof Vocabulary>;

/** What a field means, beyond its type: the matcher compares it with the value patterns it sees. */
export const FieldSemantic = z.enum([
  "identifier",
  "reference",
  "account_reference",
  "resource_reference",
  "name",
  "given_name",
  "family_name",
  "person",
  "email",
  "phone",
  "domain",
  "country",
  "region",
  "currency",
  "money",
  "ratio",
  "count",
  "quantity",
  "unit",
  "category",
  "text",
  "document_number",
  "created",
  "date",
  "flag",
]);
export type FieldSemantic = z.infer<typeof FieldSemantic>;

export const OntologyField = z
  .object({
    name: OntologyName,
    type: FieldTypeName,
    semantic: FieldSemantic.default("text"),
    description: z.string().max(500).default(""),
    aliases: z
      .array(Alias)
      .max(50)
      .default([])
      .meta({ description: "Other names sources use for this field (the matcher's synonyms), in any case or separator style" }),
    vocabulary: Vocabulary,
    references: OntologyName.optional().meta({ description: "For `reference` fields: the entity referred to" }),
    unit: z
      .enum(["fraction", "percent"])
      .optional()
      .meta({ description: "For ratios: the unit stored; sources in the other unit are converted" }),
    values: z
      .record(z.string().min(1).max(100), z.array(z.string().min(1).max(100)).max(50))
      .optional()
      .meta({ description: "Canonical values, each with the source spellings that mean it (compared case-insensitively)" }),
  })
  .meta({ id: "OntologyField" });
export type OntologyField = z.infer<typeof OntologyField>;

export const OntologyEntity = z
  .object({
    name: OntologyName,
    description: z.string().max(500).default(""),
    aliases: z.array(Alias).max(50).default([]),
    vocabulary: Vocabulary,
    key: OntologyName.meta({ description: "The field that identifies a record of this entity" }),
    fields: z.array(OntologyField).min(1).max(200),
  })
  .superRefine((entity, c) => {
    const names = entity.fields.map((f) => f.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated) c.addIssue({ code: "custom", path: ["fields"], message: `field "${repeated}" appears twice` });
    if (!names.includes(entity.key)) c.addIssue({ code: "custom", path: ["key"], message: `key "${entity.key}" is not one of the fields` });
  })
  .meta({ id: "OntologyEntity" });
export type OntologyEntity = z.infer<typeof OntologyEntity>;

/** A whole target model: the built-in one (`v1.json`), a tenant's effective one, or one given to `aos map --ontology`. */
export const OntologyDefinition = z
  .object({
    name: z
      .string()
      .min(1)
      .max(100)
      .meta({ examples: ["autonomos"] }),
    version: z
      .string()
      .min(1)
      .max(50)
      .meta({ description: "Changes whenever the model does (`+t<n>`: the tenant's extension revision)", examples: ["1.0.0+t2"] }),
    entities: z.array(OntologyEntity).min(1).max(100),
  })
  .superRefine((o, c) => {
    const names = o.entities.map((e) => e.name);
    const repeated = names.find((n, i) => names.indexOf(n) !== i);
    if (repeated) c.addIssue({ code: "custom", path: ["entities"], message: `entity "${repeated}" appears twice` });
    o.entities.forEach((e, i) =>
      e.fields.forEach((f, j) => {
        if (f.references && !names.includes(f.references)) {
          c.addIssue({ code: "custom", path: ["entities", i, "fields", j, "references"], message: `no entity "${f.references}"` });
        }
      }),
    );
  })
  .meta({ id: "Ontology", description: "A target model: entities (each a unified view) and their fields" });
export type OntologyDefinition = z.infer<typeof OntologyDefinition>;

/** "entity.field", as stored in the mapping registry. */
export type OntologyTarget = `${string}.${string}`;

export function targetOf(entity: string, field: string): OntologyTarget {
  return `${entity}.${field}`;
}

export function parseTarget(target: string): { entity: string; field: string } {
  const dot = target.indexOf(".");
  return { entity: target.slice(0, dot), field: target.slice(dot + 1) };
}
