import { readFileSync } from "node:fs";
import path from "node:path";
import { Role, roleHasScope, type Scope } from "@/lib/auth/roles";
import type { RouteSpec } from "@/lib/http/route";
import { inputJsonSchema, type JsonSchema } from "./json-schema";
import { loadRouteFiles, METHODS, type RouteFile, type RouteOperation } from "./load-routes";

/**
 * The OpenAPI 3.1 document of the REST API, built from the zod schemas and scopes each route
 * handler was given (lib/http/route). Success bodies are generic objects: routes declare no
 * response schemas yet.
 */
export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  tags: { name: string }[];
};

const ERROR_RESPONSES: Record<string, { status: number; description: string }> = {
  Unauthorized: { status: 401, description: "No valid session cookie or bearer token" },
  Forbidden: { status: 403, description: "The caller's role lacks the route's scope, or a cross-site change" },
  NotFound: { status: 404, description: "No such resource in the caller's tenant" },
  Conflict: { status: 409, description: "The resource's state forbids this now, or a request with the same Idempotency-Key is still running" },
  ValidationFailed: { status: 422, description: "The path, query or body failed validation; `errors` lists each problem" },
};

/** The header every operation that starts work honours (lib/http/idempotency.ts). */
const IDEMPOTENCY_KEY = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe: a request repeated with the same key (per tenant, method and path) within 24 hours gets the first successful answer again, with `Idempotent-Replayed: true`, and starts nothing. Reusing a key with different parameters answers 422; while the first request runs, 409.",
  schema: { type: "string", minLength: 1, maxLength: 255, examples: ["5b0c5c9e-3f43-4b8f-9f2e-0e6f7f7b2a11"] },
};

export async function buildOpenApi(): Promise<OpenApiDocument> {
  return buildOpenApiFrom(await loadRouteFiles());
}

export function buildOpenApiFrom(routes: RouteFile[]): OpenApiDocument {
  const shared: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument["paths"] = {};
  const tags = new Set<string>();
  for (const route of routes) {
    const template = route.pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, "{$1}");
    const tag = template.replace(/^\/api\/(v1\/)?/, "").split("/")[0].replace(/\.json$/, "");
    tags.add(tag);
    const item: Record<string, unknown> = {};
    for (const method of METHODS) {
      const operation = route.operations[method];
      if (operation) item[method.toLowerCase()] = buildOperation(method, template, tag, operation, shared);
    }
    paths[template] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "AutonomOS API",
      version: packageVersion(),
      description:
        "Every tenant route acts in the caller's tenant: the one in the bearer token (POST /api/v1/auth/token) or the signed-in session's. `x-scope` names the scope a route needs and `x-min-role` the least role that has it (owner > admin > member > viewer).",
    },
    servers: [{ url: "/", description: "This server" }],
    paths,
    tags: [...tags].sort().map((name) => ({ name })),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "A person's token from POST /api/v1/auth/token (a JWT), or a workspace's API key (`aos_...`, created at /api-keys or POST /api/v1/tenant/api-keys) limited to its scopes" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "The browser session (`__Secure-next-auth.session-token` over https); changes must come from the same origin" },
      },
      schemas: {
        ...shared,
        Error: {
          type: "object",
          description: "RFC 9457 problem details (application/problem+json)",
          required: ["type", "title", "status", "detail", "requestId", "code"],
          properties: {
            type: { type: "string", format: "uri", description: "The kind of problem: `urn:autonomos:problem:<code>`", examples: ["urn:autonomos:problem:validation_failed"] },
            title: { type: "string", description: "The status's phrase", examples: ["Unprocessable Entity"] },
            status: { type: "integer", examples: [422] },
            detail: { type: "string", description: "What went wrong for this request, safe to show a person", examples: ["Invalid request body: name: Too small: expected string to have >=1 characters"] },
            requestId: { type: "string", description: "Also in the x-request-id header; quote it when reporting a problem" },
            code: { type: "string", description: "The kind of problem as a short string", examples: ["validation_failed", "not_found", "rate_limited"] },
            errors: {
              type: "array",
              description: "Each invalid input (validation problems only)",
              items: { type: "object", required: ["path", "message"], properties: { path: { type: "string" }, message: { type: "string" } } },
            },
            error: {
              type: "object",
              deprecated: true,
              description: "The shape errors had before problem details: `code`, `detail` as `message`, and `details`",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, details: {} },
            },
          },
        },
      },
      responses: Object.fromEntries(
        [...Object.entries(ERROR_RESPONSES), ["Error", { description: "Any other error, in the same shape" }] as const].map(([name, { description }]) => [
          name,
          { description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Error" } } } },
        ]),
      ),
    },
  };
}

function buildOperation(method: string, template: string, tag: string, operation: RouteOperation, shared: Record<string, JsonSchema>) {
  const spec: RouteSpec = operation.spec ?? { wrapper: "withPublic" };
  const tenant = spec.wrapper === "withTenant";
  const pathNames = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const parameters = [...pathParameters(spec, pathNames, shared), ...queryParameters(spec, shared), ...(spec.idempotent ? [IDEMPOTENCY_KEY] : [])];
  const status = String(spec.status ?? 200);
  const responses: Record<string, unknown> = {
    [status]: { description: "Success", content: { "application/json": { schema: { type: "object" } } } },
  };
  for (const extra of operation.extraStatuses) responses[String(extra)] ??= { description: "Success, no content" };
  if (tenant) Object.assign(responses, { 401: ref("Unauthorized"), 403: ref("Forbidden") });
  if (pathNames.length) responses[404] = ref("NotFound");
  if (parameters.length || spec.body) responses[422] = ref("ValidationFailed");
  if (spec.idempotent) responses[409] = ref("Conflict");
  responses.default = ref("Error");
  return {
    operationId: operationId(method, template),
    summary: operation.summary ?? `${method} ${template}`,
    tags: [tag],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body
      ? { requestBody: { required: true, content: { "application/json": { schema: inputJsonSchema(spec.body, shared) } } } }
      : operation.rawBody
        ? { requestBody: { required: true, description: "The raw file", content: { "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } } } } }
        : {}),
    responses,
    security: tenant ? [{ bearerAuth: [] }, { sessionCookie: [] }] : [],
    ...(spec.scope ? { "x-scope": spec.scope, "x-min-role": minimumRole(spec.scope) } : {}),
  };
}

function pathParameters(spec: RouteSpec, names: string[], shared: Record<string, JsonSchema>) {
  const properties = spec.params ? objectProperties(inputJsonSchema(spec.params, shared)).properties : {};
  return names.map((name) => ({ name, in: "path", required: true, schema: properties[name] ?? { type: "string" } }));
}

function queryParameters(spec: RouteSpec, shared: Record<string, JsonSchema>) {
  if (!spec.query) return [];
  const schema = inputJsonSchema(spec.query, shared);
  const { properties, required, open } = objectProperties(schema);
  const named = Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: required.includes(name),
    ...(typeof property.description === "string" ? { description: property.description } : {}),
    schema: property,
  }));
  // Open-ended filters (any field name): one form-exploded object, as OpenAPI spells free-form query parameters.
  if (!open) return named;
  return [...named, { name: "filters", in: "query", style: "form", explode: true, schema: { type: "object", additionalProperties: schema.additionalProperties ?? {} } }];
}

function objectProperties(schema: JsonSchema) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema.required ?? []) as string[];
  const open = schema.type === "object" && schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  return { properties, required, open };
}

function operationId(method: string, template: string) {
  const words = template
    .replace(/^\/api\/(v1\/)?/, "")
    .split("/")
    .flatMap((segment) => (segment.startsWith("{") ? ["by", segment.slice(1, -1)] : segment.split(/[-_.]/)));
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

/** The least role that has the scope: roles are nested, viewer < member < admin < owner. */
function minimumRole(scope: Scope) {
  return [...Role.options].reverse().find((role) => roleHasScope(role, scope));
}

function ref(name: string) {
  return { $ref: `#/components/responses/${name}` };
}

function packageVersion(): string {
  const file = path.resolve(import.meta.dirname, "../../../package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
