import { listRouteFiles as listRoutes, METHODS, type Method } from "@/lib/http/openapi/load-routes";
import { routeSpecOf } from "@/lib/http/route";

/**
 * Finds every route handler under app/api at test time, so a new route is probed without anyone
 * editing the cross-tenant test, with the zod schemas each handler was built with (lib/http/route
 * keeps them on the handler).
 */
export { METHODS, type Method };

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Handler = (req: Request, context: RouteContext) => Promise<Response>;

export type Segment = { kind: "static"; name: string } | { kind: "dynamic"; name: string; catchAll: boolean };
export type WrapperInfo = NonNullable<ReturnType<typeof routeSpecOf>>;
export type ApiRoute = {
  /** The URL pattern, e.g. `/api/v1/tasks/[id]`. */
  pattern: string;
  segments: Segment[];
  handlers: Partial<Record<Method, Handler>>;
  /** How each handler was built (withTenant, withPublic, ...); absent for handlers not built by lib/http/route. */
  wrappers: Partial<Record<Method, WrapperInfo>>;
};

/** Every `route.ts` under app/api (lib/http/openapi finds them), with its path's segments. */
function listRouteFiles(): { file: string; pattern: string; segments: Segment[] }[] {
  return listRoutes().map(({ file, pattern }) => ({
    file,
    pattern,
    segments: pattern
      .split("/")
      .filter(Boolean)
      .map((p): Segment => {
        const m = /^\[(\[)?(\.\.\.)?([^\]]+)\]\]?$/.exec(p);
        return m ? { kind: "dynamic", name: m[3]!, catchAll: Boolean(m[2]) } : { kind: "static", name: p };
      }),
  }));
}

/** Imports each route file and collects its HTTP method exports. */
export async function loadRoutes(skip: ReadonlySet<string>): Promise<{ routes: ApiRoute[]; skipped: string[] }> {
  const routes: ApiRoute[] = [];
  const skipped: string[] = [];
  for (const { file, pattern, segments } of listRouteFiles()) {
    if (skip.has(pattern)) {
      skipped.push(pattern);
      continue;
    }
    const mod = (await import(file)) as Record<string, unknown>;
    const route: ApiRoute = { pattern, segments, handlers: {}, wrappers: {} };
    for (const method of METHODS) {
      const handler = mod[method];
      if (typeof handler !== "function") continue;
      route.handlers[method] = handler as Handler;
      const spec = routeSpecOf(handler);
      if (spec) route.wrappers[method] = spec;
    }
    routes.push(route);
  }
  return { routes, skipped };
}

/** Whether a route answers without a signed-in caller (withPublic, or not built by the wrapper at all). */
export function isPublic(route: ApiRoute, method: Method) {
  const info = route.wrappers[method];
  return !info || info.wrapper === "withPublic";
}
