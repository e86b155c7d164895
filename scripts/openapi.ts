/**
 * Writes the REST API's OpenAPI 3.1 document: `npm run openapi` refreshes the copy the app serves
 * (lib/http/openapi/openapi.json); `npm run openapi -- out.json` writes elsewhere, `-- -` to stdout.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildOpenApi } from "@/lib/http/openapi/build-document";
import { formatOpenApi, SERVED_DOCUMENT } from "@/lib/http/openapi/served";

const target = process.argv[2] ?? SERVED_DOCUMENT;
const text = formatOpenApi(await buildOpenApi());
if (target === "-") process.stdout.write(text);
else {
  writeFileSync(target, text);
  console.error(`Wrote ${path.relative(process.cwd(), path.resolve(target))}`);
}
// Route modules may open clients (database, timers) on import; the document is written.
process.exit(0);
