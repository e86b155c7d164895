import type { CreateDocumentOptions } from "zod-openapi";

/**
 * How zod schemas render as JSON Schema, for the document (build-document.ts) and for the contract
 * tests that validate real answers against it. A `z.date()` travels as JSON.stringify writes it:
 * an ISO 8601 string.
 */
export const SCHEMA_OPTIONS: CreateDocumentOptions = {
  allowEmptySchema: { custom: true },
  override: ({ jsonSchema, zodSchema }) => {
    if (zodSchema._zod.def.type === "date") {
      jsonSchema.type = "string";
      jsonSchema.format = "date-time";
    }
  },
};
