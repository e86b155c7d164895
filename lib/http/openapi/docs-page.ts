import { readFile } from "node:fs/promises";
import path from "node:path";

/** The swagger-ui-dist files the docs page loads, by the name it asks for them under /api-docs/. */
const ASSETS: Record<string, string> = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
};

/** Read from node_modules at run time (the package ships prebuilt files; nothing is bundled or downloaded). */
export async function readSwaggerUiAsset(name: string): Promise<{ body: string; contentType: string } | undefined> {
  const contentType = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
  if (!contentType) return undefined;
  const body = await readFile(path.join(process.cwd(), "node_modules", "swagger-ui-dist", name), "utf8");
  return { body, contentType };
}

/** The docs page's HTML. Its scripts carry the request's CSP nonce when there is one. */
export function swaggerUiPage({ nonce }: { nonce?: string }): string {
  const attr = nonce ? ` nonce="${nonce.replace(/[^A-Za-z0-9+/=]/g, "")}"` : "";
  const config = {
    url: "/api/v1/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    // The default validator badge is fetched from a third-party host.
    validatorUrl: null,
    withCredentials: true,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>AutonomOS API</title>
<link rel="stylesheet" href="/api-docs/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script${attr} src="/api-docs/swagger-ui-bundle.js"></script>
<script${attr}>window.ui = SwaggerUIBundle(${JSON.stringify(config)});</script>
</body>
</html>
`;
}
