import { readFile } from "node:fs/promises";
import path from "node:path";
import { OPENAPI_PATH } from "./document-schema";

/**
 * The REST API's human docs: Swagger UI at /api/docs and ReDoc at /api/redoc, both over
 * /api/openapi.json. Their files come from npm packages (swagger-ui-dist, redoc's standalone
 * bundle), read from node_modules at run time: nothing is bundled or loaded from elsewhere.
 */
export type DocsKind = "swagger" | "redoc";

const ASSETS: Record<DocsKind, Record<string, { file: string; contentType: string }>> = {
  swagger: {
    "swagger-ui.css": { file: "swagger-ui-dist/swagger-ui.css", contentType: "text/css; charset=utf-8" },
    "swagger-ui-bundle.js": { file: "swagger-ui-dist/swagger-ui-bundle.js", contentType: "text/javascript; charset=utf-8" },
  },
  redoc: {
    "redoc.standalone.js": { file: "redoc/bundles/redoc.standalone.js", contentType: "text/javascript; charset=utf-8" },
  },
};

/** An allow-listed asset of one docs page, or undefined. */
export async function readDocsAsset(kind: DocsKind, name: string): Promise<{ body: string; contentType: string } | undefined> {
  const asset = Object.hasOwn(ASSETS[kind], name) ? ASSETS[kind][name] : undefined;
  if (!asset) return undefined;
  return { body: await readFile(path.join(process.cwd(), "node_modules", asset.file), "utf8"), contentType: asset.contentType };
}

/** The docs page's HTML; its scripts carry the request's CSP nonce (proxy.ts) when there is one. */
export function docsPage(kind: DocsKind, { nonce }: { nonce?: string }): string {
  const attr = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : "";
  const body = kind === "swagger" ? swaggerBody(attr) : redocBody(attr);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AutonomOS API</title>
${kind === "swagger" ? '<link rel="stylesheet" href="/api/docs/swagger-ui.css">' : ""}
</head>
<body style="margin:0">
${body}
</body>
</html>
`;
}

function swaggerBody(attr: string): string {
  const config = {
    url: OPENAPI_PATH,
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default validator badge is fetched from a third-party host.
    validatorUrl: null,
    withCredentials: true,
  };
  return `<div id="swagger-ui"></div>
<script${attr} src="/api/docs/swagger-ui-bundle.js"></script>
<script${attr}>window.ui = SwaggerUIBundle(${JSON.stringify(config)});</script>`;
}

function redocBody(attr: string): string {
  // ReDoc 3 reads its options from the tag; its usage telemetry is off (nothing leaves this app).
  return `<redoc spec-url="${OPENAPI_PATH}" disable-telemetry="true"></redoc>
<script${attr} type="module" src="/api/redoc/redoc.standalone.js"></script>`;
}
