/**
 * Writes the REST API's OpenAPI 3.1 document and the typed client's types: `npm run openapi`
 * refreshes the copy the app serves (lib/http/openapi/openapi.json) and the types generated from it
 * (lib/api/schema.d.ts, used by lib/api/client.ts); `npm run openapi -- out.json` writes only the
 * document, elsewhere, `-- -` to stdout.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildOpenApi } from "@/lib/http/openapi/build-document";
import { CLIENT_TYPES, generateClientTypes } from "@/lib/http/openapi/client-types";
import { formatOpenApi, SERVED_DOCUMENT } from "@/lib/http/openapi/served";

const target = process.argv[2] ?? SERVED_DOCUMENT;
const document = await buildOpenApi();
const write = (file: string, text: string) => {
  writeFileSync(file, text);
  console.error(`Wrote ${path.relative(process.cwd(), path.resolve(file))}`);
};
if (target === "-") process.stdout.write(formatOpenApi(document));
else write(target, formatOpenApi(document));
if (path.resolve(target) === SERVED_DOCUMENT) write(CLIENT_TYPES, await generateClientTypes(document));
// Route modules may open clients (database, timers) on import; the files are written.
process.exit(0);
