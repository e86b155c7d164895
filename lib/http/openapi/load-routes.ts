import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { routeSpecOf, type RouteSpec } from "@/lib/http/route";

/**
 * Finds every route file under app/api and reads how each handler was built (lib/http/route keeps
 * the options on the handler). Runs in Node at generation time (npm run openapi, tests), not inside
 * Next.js: it imports route modules by file path.
 */
export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

/** Served by libraries with their own protocols, or the docs pages themselves: not by lib/http/route. */
export const UNDOCUMENTED_ROUTES: ReadonlySet<string> = new Set([
  "/api/auth/[...nextauth]",
  "/api/inngest",
  "/api/docs",
  "/api/docs/[asset]",
  "/api/redoc",
  "/api/redoc/[asset]",
]);

export type RouteOperation = {
  spec?: RouteSpec;
  /** The handler's doc comment, if it has one. */
  summary?: string;
  /** The handler reads the raw request body itself (an upload) instead of a JSON body schema. */
  rawBody: boolean;
};
export type RouteFile = { file: string; pattern: string; operations: Partial<Record<Method, RouteOperation>> };

const APP_DIR = path.resolve(import.meta.dirname, "../../../app");

/** Every `route.ts` under app/api as Next.js URL patterns (`/api/v1/tasks/[id]`), route groups dropped. */
export function listRouteFiles(): { file: string; pattern: string }[] {
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
    const parts = path
      .relative(APP_DIR, path.dirname(file))
      .split(path.sep)
      .filter((p) => !/^\(.*\)$/.test(p));
    return { file, pattern: `/${parts.join("/")}` };
  });
}

export async function loadRouteFiles(): Promise<RouteFile[]> {
  const routes: RouteFile[] = [];
  for (const { file, pattern } of listRouteFiles()) {
    if (UNDOCUMENTED_ROUTES.has(pattern)) continue;
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const source = readFileSync(file, "utf8");
    const operations: RouteFile["operations"] = {};
    for (const method of METHODS) {
      if (typeof mod[method] !== "function") continue;
      const chunk = handlerSource(source, method);
      operations[method] = {
        spec: routeSpecOf(mod[method]),
        summary: docComment(source, method),
        rawBody: /\breq\.(body|arrayBuffer|blob|formData|text)\b/.test(chunk),
      };
    }
    routes.push({ file, pattern, operations });
  }
  return routes;
}

/** The source from `export const METHOD` to the next top-level export. */
function handlerSource(source: string, method: Method): string {
  const start = source.search(new RegExp(`^export (const|async function|function) ${method}\\b`, "m"));
  if (start < 0) return "";
  const rest = source.slice(start + 1);
  const end = rest.search(/^(\/\*\*|export )/m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The `/** ... *\/` comment right above the handler, as one line. */
function docComment(source: string, method: Method): string | undefined {
  const match = new RegExp(`/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\s*export (?:const|async function|function) ${method}\\b`).exec(source);
  if (!match) return undefined;
  return (
    match[1]
      .split("\n")
      .map((line) => line.replace(/^\s*\*\s?/, "").trim())
      .filter(Boolean)
      .join(" ") || undefined
  );
}
