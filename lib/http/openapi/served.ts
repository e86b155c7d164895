import path from "node:path";
import type { OpenApiDocument } from "./build-document";

/** The generated document the app serves; `npm run openapi` rewrites it, a unit test checks it is current. */
export const SERVED_DOCUMENT = path.resolve(import.meta.dirname, "openapi.json");

export function formatOpenApi(document: OpenApiDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
