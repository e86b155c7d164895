import { z } from "zod";
import { readVendorType } from "@/lib/aam/schema/vendor-types";
import { flattenRecord } from "../flatten";
import { ConnectorError, type JsonValue, type SourceField, type SourceRecord } from "../types";

/** The part of `GET /sobjects/{Object}/describe` the connector relies on. */
export const SObjectDescribe = z.object({
  name: z.string(),
  queryable: z.boolean().default(true),
  fields: z.array(z.object({ name: z.string(), type: z.string(), nillable: z.boolean() })),
});
export type SObjectDescribe = z.infer<typeof SObjectDescribe>;

/** The part of a query answer (first page or `nextRecordsUrl`) the connector relies on. */
export const QueryPage = z.object({
  totalSize: z.number(),
  done: z.boolean(),
  nextRecordsUrl: z.string().optional(),
  /** Kept as parsed (a z.record would rebuild them and drop a field named `__proto__`). */
  records: z.array(z.custom<Record<string, unknown>>((v) => v !== null && typeof v === "object" && !Array.isArray(v), "a record")),
});
export type QueryPage = z.infer<typeof QueryPage>;

/** Salesforce-maintained modification time, set on every change including automated ones. */
export const CURSOR_FIELD = "SystemModstamp";

/** Compound fields repeat their component fields; base64 bodies are fetched one record at a time. */
const NOT_QUERIED = new Set(["address", "location", "base64"]);

/** The fields a read selects, typed by the shared vendor-type reading; a type it does not know (complexvalue ...) is kept as a JSON value. */
export function toSourceFields(describe: SObjectDescribe): SourceField[] {
  return describe.fields
    .filter((field) => !NOT_QUERIED.has(field.type))
    .map((field) => ({
      name: field.name,
      type: readVendorType(field.type).type ?? "json",
      nullable: field.nillable,
      sourceType: field.type,
    }));
}

export function parseAnswer<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ConnectorError("source", `Salesforce answered an unexpected ${what}.`);
  return parsed.data;
}

/** A query record without its `attributes` (type and URL); relationship objects become dotted paths. */
export function toSourceRecord(record: Record<string, unknown>): SourceRecord {
  const { attributes: _attributes, ...values } = record;
  return flattenRecord(values as { [key: string]: JsonValue });
}
