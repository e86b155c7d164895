import { readdirSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";

/**
 * Finds every route handler under app/api at test time, so a new route is probed without anyone
 * editing the cross-tenant test, and remembers the zod schemas each handler was built with.
 */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

type RouteContext = { params: Promise<Record<string, string | string[]>> };
export type Handler = (req: Request, context: RouteContext) => Promise<Response>;

export type Segment = { kind: "static"; name: string } | { kind: "dynamic"; name: string; catchAll: boolean };
export type WrapperInfo = { wrapper: string; body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
export type ApiRoute = {
  /** The URL pattern, e.g. `/api/v1/tasks/[id]`. */
  pattern: string;
  segments: Segment[];
  handlers: Partial<Record<Method, Handler>>;
  /** How each handler was built (withTenant, withPublic, ...); absent for handlers not built by lib/http/route. */
  wrappers: Partial<Record<Method, WrapperInfo>>;
};

const APP_DIR = path.resolve(import.meta.dirname, "../../app");
const REGISTRY = Symbol.for("aos.test.cross-tenant.wrappers");
const registry = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new WeakMap<object, WrapperInfo>()) as WeakMap<object, WrapperInfo>;

/**
 * For `vi.mock("@/lib/http/route", ...)`: every `withX(handler, options)` export still builds the
 * real handler; the options' schemas are remembered so requests can be built that pass validation.
 */
export function recordRouteOptions<M extends Record<string, unknown>>(real: M): M {
  const out: Record<string, unknown> = { ...real };
  for (const [name, value] of Object.entries(real)) {
    if (!/^with[A-Z]/.test(name) || typeof value !== "function") continue;
    out[name] = (...args: unknown[]) => {
      const handler = (value as (...a: unknown[]) => object)(...args);
      const options = args.find((a, i) => i > 0 && a && typeof a === "object") as Partial<WrapperInfo> | undefined;
      registry.set(handler, { wrapper: name, body: options?.body, query: options?.query, params: options?.params });
      return handler;
    };
  }
  return out as M;
}

/** Every `route.ts` under app/api, as URL patterns relative to the app folder (route groups dropped). */
export function listRouteFiles(): { file: string; pattern: string; segments: Segment[] }[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(APP_DIR, "api"));
  return files.sort().map((file) => {
    const parts = path.relative(APP_DIR, path.dirname(file)).split(path.sep).filter((p) => !/^\(.*\)$/.test(p));
    const segments: Segment[] = parts.map((p) => {
      const m = /^\[(\[)?(\.\.\.)?([^\]]+)\]\]?$/.exec(p);
      return m ? { kind: "dynamic", name: m[3], catchAll: Boolean(m[2]) } : { kind: "static", name: p };
    });
    return { file, pattern: `/${parts.join("/")}`, segments };
  });
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
      const info = registry.get(handler);
      if (info) route.wrappers[method] = info;
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
