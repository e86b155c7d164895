import { z } from "zod";
import { JsonValue } from "@/lib/http/wire";

/** Where the document is served; /api/v1/openapi.json redirects here. */
export const OPENAPI_PATH = "/api/openapi.json";

/** The served document's top level, as GET /api/openapi.json answers it (what lies inside follows OpenAPI 3.1). */
export const OpenApiDocumentSchema = z
  .object({
    openapi: z.string().meta({ examples: ["3.1.0"] }),
    info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
    servers: z.array(z.object({ url: z.string(), description: z.string().optional() })),
    paths: z.record(z.string(), JsonValue).meta({ description: "Every operation, by path template" }),
    components: z.record(z.string(), JsonValue),
    tags: z.array(z.object({ name: z.string() })),
  })
  .meta({ id: "OpenApiDocument", description: "This API's OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)" });
