import "server-only";
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { z } from "zod";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { resolveTenantContext } from "@/lib/auth/request-auth";
import { actorHasScope, scopeRefusal } from "@/lib/auth/actor-scope";
import type { Scope } from "@/lib/auth/roles";
import type { TenantContext } from "@/lib/auth/context";
import { readJsonBody } from "@/lib/http/body";
import { toErrorResponse, zodToValidationError } from "@/lib/http/errors";
import { idempotently } from "@/lib/http/idempotency";
import { assertSameOriginMutation } from "@/lib/http/origin";
import { log } from "@/lib/log";
import { rateLimitHeaders } from "@/lib/kv/rate-limit";
import { spendTenantBudget, type RateBudget } from "@/lib/quotas/rate-limits";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * The one wrapper for REST route handlers. It parses params, query and body with zod, resolves the
 * caller (withTenant, refusing cross-site changes made with the session cookie: lib/http/origin.ts),
 * checks the scope, maps errors, and tags every response with a request id. Every route declares
 * its success answer (`response`), which types what the handler returns and documents it.
 * A handler returns data (sent as JSON) or a Response.
 */
/**
 * What a success answers: the zod schema of its JSON body (documented, and checked by the contract
 * tests), a body of another media type (an event stream, a file), or `null` for no content (204).
 * A body of another media type may have a JSON alternative (`json`), answered when the request asks
 * for one (`stream: false`); both are documented.
 */
export type RawResponse = { mediaType: string; description: string; json?: z.ZodType };
export type ResponseSchema = z.ZodType | RawResponse | null;

type Schemas = { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType; response: ResponseSchema };
type In = "body" | "query" | "params";
type Out<S extends Schemas, K extends In> = S[K] extends z.ZodType ? z.output<S[K]> : undefined;
/** A handler answers its response schema's data, or a Response of its own (headers, a stream). */
type Reply<S extends Schemas> = S["response"] extends z.ZodType
  ? z.input<S["response"]> | Response
  : S["response"] extends null
    ? void | Response
    : S["response"] extends { json: z.ZodType }
      ? z.input<S["response"]["json"]> | Response
      : Response;

type Input<S extends Schemas> = {
  req: NextRequest;
  requestId: string;
  body: Out<S, "body">;
  query: Out<S, "query">;
  params: Out<S, "params">;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };
type RouteHandler = (req: NextRequest, context: RouteContext) => Promise<Response>;
type Options<S extends Schemas> = S & { status?: number };

/** What a handler was built with, kept on it for the OpenAPI document (lib/http/openapi). */
export type RouteSpec = Schemas & {
  wrapper: "withPublic" | "withTenant";
  status?: number;
  scope?: Scope;
  idempotent?: boolean;
  rateLimited?: boolean;
};
const ROUTE_SPEC = Symbol.for("aos.http.route-spec");

export function routeSpecOf(handler: unknown): RouteSpec | undefined {
  return typeof handler === "function" ? (handler as { [ROUTE_SPEC]?: RouteSpec })[ROUTE_SPEC] : undefined;
}

function withSpec(handler: RouteHandler, spec: RouteSpec): RouteHandler {
  return Object.defineProperty(handler, ROUTE_SPEC, { value: spec });
}

export function withPublic<S extends Schemas>(
  handler: (input: Input<S> & { db: PrismaClient }) => Promise<Reply<S>>,
  options: Options<S>,
): RouteHandler {
  const { body, query, params, response, status } = options;
  return withSpec(
    run(options, async () => ({ db: await getDb() }), handler),
    { wrapper: "withPublic", body, query, params, response, status },
  );
}

type TenantOptions<S extends Schemas> = Options<S> & {
  scope: Scope;
  /**
   * The tenant budget each call spends once its input is valid, or a named function choosing one
   * from the input (a named function: an inline one would stop TypeScript inferring the schemas).
   */
  rateLimit?: RateBudget | ((input: Input<NoInfer<S>>) => RateBudget | undefined);
  /**
   * A person acts, never an API key: a person's own account (`/me`), and membership changes (access
   * a key granted would outlive the key's revocation).
   */
  personOnly?: boolean;
  /** Starts work: honours `Idempotency-Key` (lib/http/idempotency.ts). */
  idempotent?: boolean;
};

export function withTenant<S extends Schemas>(
  handler: (input: Input<S> & { ctx: TenantContext }) => Promise<Reply<S>>,
  options: TenantOptions<S>,
): RouteHandler {
  const { body, query, params, response, status, scope } = options;
  const handled = run(
    options,
    async (req) => {
      assertSameOriginMutation(req);
      const ctx = await resolveTenantContext(req, await getDb());
      if (!actorHasScope(ctx.actor, scope)) throw new ForbiddenError(scopeRefusal(ctx.actor, scope));
      if (options.personOnly && ctx.actor.via === "api_key")
        throw new ForbiddenError("Only a person can do this, an API key cannot: sign in, or use a token from POST /api/v1/auth/token");
      return { ctx };
    },
    async (input) => {
      const execute = async () => {
        const budget = typeof options.rateLimit === "function" ? options.rateLimit(input) : options.rateLimit;
        const spent = budget ? await spendTenantBudget(input.ctx.tenantId, budget) : undefined;
        const answer = asResponse(await handler(input), status);
        if (spent) for (const [name, value] of Object.entries(rateLimitHeaders(spent))) answer.headers.set(name, value);
        return answer;
      };
      if (!options.idempotent) return execute();
      return idempotently(input.req, input.ctx.tenantId, { params: input.params, query: input.query, body: input.body }, execute);
    },
  );
  return withSpec(handled, {
    wrapper: "withTenant",
    body,
    query,
    params,
    response,
    status,
    scope,
    idempotent: options.idempotent,
    rateLimited: options.rateLimit !== undefined,
  });
}

/** Authenticates first (401/403 before any 4xx about the input), then parses, then calls. */
function run<S extends Schemas, A>(
  options: Options<S>,
  authenticate: (req: NextRequest) => Promise<A>,
  handler: (input: Input<S> & A) => Promise<unknown>,
): RouteHandler {
  return async (req, context) => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      const auth = await authenticate(req);
      const params = parse(options.params, await context?.params, "path parameters");
      const query = parse(options.query, Object.fromEntries(new URL(req.url).searchParams), "query parameters");
      const body = options.body ? parse(options.body, await readJsonBody(req, env.maxBodyBytes), "request body") : undefined;
      const result = await handler({ req, requestId, params, query, body, ...auth } as Input<S> & A);
      response = asResponse(result, options.status);
      response.headers.set("x-request-id", requestId);
    } catch (error) {
      response = toErrorResponse(error, requestId);
    }
    log.debug("request", {
      requestId,
      method: req.method,
      path: new URL(req.url).pathname,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return response;
  };
}

/** A handler's result as an answer: a Response as it is, nothing as 204, anything else as JSON with the route's status. */
function asResponse(result: unknown, status = 200): Response {
  if (result instanceof Response) return result;
  if (status === 204) return new Response(null, { status });
  return Response.json(result ?? null, { status });
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string) {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw zodToValidationError(result.error, where);
  return result.data;
}
