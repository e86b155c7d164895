import { describe, expect, it } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { GET as docs } from "@/app/api-docs/route";
import { NextRequest } from "next/server";
import { call } from "../support/http";

describe("GET /api/v1/openapi.json", () => {
  it("answers the OpenAPI document without authentication, cacheable", async () => {
    const res = await call(openapi, "GET", "/api/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.json.openapi).toBe("3.1.0");
    expect(res.json.paths["/api/v1/tasks"].post["x-scope"]).toBe("tasks:write");
  });
});

describe("GET /api-docs", () => {
  it("renders Swagger UI over the document, with the nonce proxy.ts gave the request", async () => {
    const res = docs(new NextRequest("http://localhost:3000/api-docs", { headers: { "x-nonce": "bm9uY2U=" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('<script nonce="bm9uY2U=" src="/api-docs/swagger-ui-bundle.js">');
    expect(html).toContain('"url":"/api/v1/openapi.json"');
  });
});
