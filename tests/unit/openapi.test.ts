import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApi, type OpenApiDocument } from "@/lib/http/openapi/build-document";
import { docsPage, readDocsAsset } from "@/lib/http/openapi/docs-page";
import { listRouteFiles, METHODS, UNDOCUMENTED_ROUTES } from "@/lib/http/openapi/load-routes";
import { formatOpenApi, SERVED_DOCUMENT } from "@/lib/http/openapi/served";

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
  security: unknown[];
  "x-scope"?: string;
  "x-min-role"?: string;
};

let doc: OpenApiDocument;
const op = (path: string, method: string) => doc.paths[path]?.[method] as Operation;

beforeAll(async () => {
  doc = await buildOpenApi();
}, 120_000);

describe("the OpenAPI document", () => {
  it("documents every route file under app/api with each method it exports", async () => {
    const files = listRouteFiles();
    expect(
      files
        .filter((f) => UNDOCUMENTED_ROUTES.has(f.pattern))
        .map((f) => f.pattern)
        .sort(),
    ).toEqual(["/api/auth/[...nextauth]", "/api/docs", "/api/docs/[asset]", "/api/inngest", "/api/redoc", "/api/redoc/[asset]"]);
    for (const { file, pattern } of files.filter((f) => !UNDOCUMENTED_ROUTES.has(f.pattern))) {
      const mod = (await import(file)) as Record<string, unknown>;
      const exported = METHODS.filter((m) => typeof mod[m] === "function").map((m) => m.toLowerCase());
      const item = doc.paths[pattern.replace(/\[([^\]]+)\]/g, "{$1}")];
      expect(item, `${pattern} is not documented`).toBeDefined();
      expect(Object.keys(item).sort(), pattern).toEqual(exported.sort());
    }
  });

  it("is structurally valid OpenAPI 3.1: required fields, unique operation ids, declared path parameters, resolvable $refs", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\/[^[\]]*$/);
      for (const [method, raw] of Object.entries(item)) {
        const operation = raw as Operation;
        expect(ids.has(operation.operationId), `${operation.operationId} is used twice`).toBe(false);
        ids.add(operation.operationId);
        expect(Object.keys(operation.responses).length, `${method} ${path}`).toBeGreaterThan(0);
        const declared = (operation.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
        expect(declared.sort(), `${method} ${path}`).toEqual([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort());
        for (const p of operation.parameters ?? []) if (p.in === "path") expect(p.required).toBe(true);
      }
    }
    const refs: string[] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object")
        for (const [key, v] of Object.entries(value)) key === "$ref" && typeof v === "string" ? refs.push(v) : collect(v);
    };
    collect(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of new Set(refs)) {
      expect(ref, ref).toMatch(/^#\//);
      const target = ref
        .slice(2)
        .split("/")
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")],
          doc,
        );
      expect(target, `${ref} does not resolve`).toBeDefined();
    }
  });

  it("takes request bodies and query parameters from the routes' zod schemas", () => {
    const decisions = op("/api/v1/inbox/decisions", "post");
    const body = decisions.requestBody!.content["application/json"].schema as {
      required: string[];
      properties: Record<string, { type: string }>;
    };
    expect(body.required).toContain("decisions");
    expect(body.properties.decisions.type).toBe("array");

    const drift = op("/api/v1/aam/drift", "get");
    const connectionId = drift.parameters!.find((p) => p.name === "connectionId");
    expect(connectionId).toMatchObject({ in: "query", schema: { format: "uuid" } });
    expect(connectionId!.required).not.toBe(true);
    expect(drift.requestBody).toBeUndefined();

    // An upload takes the raw file as its body and names it in the query.
    const upload = op("/api/v1/aam/connections/{id}/files", "post");
    expect(Object.keys(upload.requestBody!.content)).toEqual(["application/octet-stream"]);
    expect(upload.parameters).toContainEqual(expect.objectContaining({ name: "name", in: "query", required: true }));
    expect(upload.responses["201"]).toBeDefined();
  });

  it("names each tenant route's scope, the least role that has it and its security; public routes need none", () => {
    const invite = op("/api/v1/tenant/members", "post");
    expect(invite).toMatchObject({
      "x-scope": "members:write",
      "x-min-role": "admin",
      security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    });
    expect(invite.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
    expect(op("/api/v1/tasks", "get")).toMatchObject({ "x-scope": "tasks:read", "x-min-role": "viewer" });
    expect(op("/api/v1/healthz", "get").security).toEqual([]);
    expect(op("/api/v1/auth/token", "post")["x-scope"]).toBeUndefined();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(["bearerAuth", "sessionCookie"]);
  });

  it("documents both answers of an operation that streams or answers JSON, and the old document address as a redirect", () => {
    const ask = op("/api/v1/nlp/ask", "post").responses["200"] as { content: Record<string, { schema: unknown }> };
    expect(Object.keys(ask.content).sort()).toEqual(["application/json", "text/event-stream"]);
    expect(ask.content["application/json"]!.schema).toEqual({ $ref: "#/components/schemas/AskAnswer" });
    expect(op("/api/openapi.json", "get").operationId).toBe("getApiOpenapiJson");
    expect(Object.keys(op("/api/v1/openapi.json", "get").responses)).toContain("308");
  });

  it("is the document the app serves (run `npm run openapi` after changing a route)", () => {
    expect(readFileSync(SERVED_DOCUMENT, "utf8")).toBe(formatOpenApi(doc));
  });
});

describe("the docs pages", () => {
  it("load Swagger UI and ReDoc from this app only, with the request's CSP nonce on their scripts", () => {
    for (const kind of ["swagger", "redoc"] as const) {
      const html = docsPage(kind, { nonce: "abc123+/=" });
      expect(html.match(/<script nonce="abc123\+\/="/g)).toHaveLength(kind === "swagger" ? 2 : 1);
      expect(html).not.toMatch(/https?:\/\//);
      expect(docsPage(kind, { nonce: '"><script>' })).not.toContain('"><script>');
    }
    expect(docsPage("swagger", {})).toContain('"validatorUrl":null');
    expect(docsPage("redoc", {})).toContain('disable-telemetry="true"');
    expect(docsPage("swagger", {})).toContain('"url":"/api/openapi.json"');
    expect(docsPage("redoc", {})).toContain('spec-url="/api/openapi.json"');
  });

  it("serve only their allow-listed assets", async () => {
    const bundle = await readDocsAsset("swagger", "swagger-ui-bundle.js");
    expect(bundle?.contentType).toMatch(/^text\/javascript/);
    expect(bundle!.body.length).toBeGreaterThan(100_000);
    expect((await readDocsAsset("redoc", "redoc.standalone.js"))!.body.length).toBeGreaterThan(100_000);
    expect(await readDocsAsset("swagger", "../package.json")).toBeUndefined();
    expect(await readDocsAsset("swagger", "package.json")).toBeUndefined();
    expect(await readDocsAsset("redoc", "swagger-ui-bundle.js")).toBeUndefined();
  });
});
