import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/openapi.json/route";
import { GET as movedOpenapi } from "@/app/api/v1/openapi.json/route";
import { GET as swaggerAsset } from "@/app/api/docs/[asset]/route";
import { GET as swagger } from "@/app/api/docs/route";
import { GET as redocAsset } from "@/app/api/redoc/[asset]/route";
import { GET as redoc } from "@/app/api/redoc/route";
import { NextRequest } from "next/server";
import { call } from "../support/http";

describe("GET /api/openapi.json", () => {
  it("answers the OpenAPI document without authentication, cacheable", async () => {
    const res = await call(openapi, "GET", "/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.json.openapi).toBe("3.1.0");
    expect(res.json.paths["/api/v1/tasks"].post["x-scope"]).toBe("tasks:write");
  });

  it("is where the old address, /api/v1/openapi.json, redirects for good", async () => {
    const res = await call(movedOpenapi, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe("/api/openapi.json");
  });
});

describe("the API's docs pages", () => {
  const page = (handler: typeof swagger, path: string) =>
    handler(new NextRequest(`http://localhost:3000${path}`, { headers: { "x-nonce": "bm9uY2U=" } }));
  const asset = (handler: typeof swaggerAsset, name: string) =>
    handler(new Request(`http://localhost:3000/x/${name}`), { params: Promise.resolve({ asset: name }) });

  it("renders Swagger UI at /api/docs and ReDoc at /api/redoc over the document, with the nonce proxy.ts gave the request", async () => {
    const swaggerHtml = await page(swagger, "/api/docs").text();
    expect(swaggerHtml).toContain('<script nonce="bm9uY2U=" src="/api/docs/swagger-ui-bundle.js">');
    expect(swaggerHtml).toContain('"url":"/api/openapi.json"');
    const redocHtml = await page(redoc, "/api/redoc").text();
    expect(redocHtml).toContain('<script nonce="bm9uY2U=" type="module" src="/api/redoc/redoc.standalone.js">');
    expect(redocHtml).toContain('<redoc spec-url="/api/openapi.json"');
  });

  it("serves their files from the npm packages, and nothing else", async () => {
    const bundle = await asset(swaggerAsset, "swagger-ui-bundle.js");
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect((await asset(redocAsset, "redoc.standalone.js")).status).toBe(200);
    for (const name of ["../package.json", "swagger-ui-bundle.js.map", "package.json"])
      expect((await asset(redocAsset, name)).status).toBe(404);
  });
});
