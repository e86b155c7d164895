import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { buildOpenApi } from "@/lib/http/openapi/build-document";
import { CLIENT_TYPES, generateClientTypes } from "@/lib/http/openapi/client-types";

it("the typed client's committed types are the ones the routes generate (run `npm run openapi` after changing a route)", async () => {
  const generated = await generateClientTypes(await buildOpenApi());
  expect(readFileSync(CLIENT_TYPES, "utf8"), "lib/api/schema.d.ts is stale: run `npm run openapi`").toBe(generated);
  // Uploads send the chosen file itself: its body type is a Blob, not a string.
  expect(generated).toMatch(/"application\/octet-stream": Blob;/);
}, 120_000);
