import { z } from "zod";
import type { ApiRoute, Method, Segment } from "./cross-tenant-routes";

/**
 * Builds request inputs (path, query, body) that point at another tenant's resources: every field
 * that names a resource gets one of the victim's real ids, chosen by the field's name.
 */
export const KINDS = [
  "tenant",
  "user",
  "connection",
  "stream",
  "event",
  "quarantine",
  "drift",
  "task",
  "mapping",
  "invitation",
  "token",
  "upload",
  "entity",
  "email",
  "agent",
  "agent_run",
  "finding",
  "document",
  "api_key",
] as const;
export type Kind = (typeof KINDS)[number];
export type VictimValues = Record<Kind, string[]>;

/** Field and segment names to the kind of resource they name; the first match wins. */
const NAME_KINDS: [RegExp, Kind][] = [
  [/api-?keys?/i, "api_key"],
  [/token|secret|code/i, "token"],
  [/e-?mail/i, "email"],
  [/tenant|workspace|org/i, "tenant"],
  [/invit/i, "invitation"],
  [/user|member|owner|actor|person/i, "user"],
  [/mapping|proposal/i, "mapping"],
  [/agent-?runs?/i, "agent_run"],
  [/finding/i, "finding"],
  [/document/i, "document"],
  [/agent/i, "agent"],
  // The review inbox decides and rolls back mapping versions (and held schema changes).
  [/inbox|rollback/i, "mapping"],
  [/drift|change/i, "drift"],
  [/quarantin/i, "quarantine"],
  [/task|job|run/i, "task"],
  [/stream|table|collection/i, "stream"],
  [/event|record|cursor/i, "event"],
  [/connection|connector|source/i, "connection"],
  [/file|upload/i, "upload"],
  [/entity|view/i, "entity"],
];

export function kindOfName(name: string): Kind | undefined {
  return NAME_KINDS.find(([re]) => re.test(name))?.[1];
}

/** `id`, `ids`, `fooId`, `foo_ids`: a name that holds an identifier of some resource. */
const isIdName = (name: string) => /^ids?$|Ids?$|_ids?$/i.test(name);

/** The resource a bare `[id]` or `id` refers to: the nearest static path segment that names a kind. */
export function contextKind(segments: Segment[], before = segments.length): Kind | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const s = segments[i];
    if (s.kind === "static") {
      const kind = kindOfName(s.name);
      if (kind) return kind;
    }
  }
  return undefined;
}

const SLACK_URL = "https://hooks.slack.com/services/T000/B000/xtprobe";
/** Values tried after the victim's own, for strings whose name says nothing (none is a victim's value). */
const GENERIC = ["xtprobe", "opportunity.amount", SLACK_URL, "xtprobe.csv", "xtprobe@example.test", "xtprobe-xtprobe-xtprobe-xtprobe"];

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

export class InputBuilder {
  constructor(private readonly victim: VictimValues) {}

  /** A value for each dynamic path segment; the last segment varies over up to three values of its kind. */
  pathVariants(route: ApiRoute, method: Method, log: (message: string) => void): Record<string, string | string[]>[] {
    const dynamic = route.segments.map((s, i) => ({ s, i })).filter(({ s }) => s.kind === "dynamic");
    if (!dynamic.length) return [{}];
    const paramsSchema = jsonSchemaOf(route.wrappers[method]?.params);
    const choices = dynamic.map(({ s, i }) => {
      const bare = /^ids?$/i.test(s.name);
      const own = bare ? undefined : kindOfName(s.name);
      const kind = own ?? contextKind(route.segments, i) ?? "connection";
      if (!own && !bare) log(`${route.pattern}: segment [${s.name}] names no known kind; using ${kind} values`);
      const node = paramsSchema?.properties?.[s.name] ?? {};
      const values = this.victim[kind].filter((v) => fits(node, v));
      return { name: s.name, catchAll: s.kind === "dynamic" && s.catchAll, values: values.length ? values : this.victim[kind] };
    });
    const last = choices[choices.length - 1];
    return last.values.slice(0, 3).map((value) =>
      Object.fromEntries(
        choices.map((c) => {
          const v = c === last ? value : c.values[0];
          return [c.name, c.catchAll ? [v] : v];
        }),
      ),
    );
  }

  /** The query the route's schema accepts: required fields, and (unless `requiredOnly`) every field that names a resource. */
  schemaQuery(route: ApiRoute, method: Method, { requiredOnly = false } = {}): Record<string, string> {
    const schema = jsonSchemaOf(route.wrappers[method]?.query);
    if (!schema?.properties) return {};
    const out: Record<string, string> = {};
    for (const [name, node] of Object.entries(schema.properties)) {
      const required = schema.required?.includes(name);
      if (!required && (requiredOnly || (!kindOfName(name) && !isIdName(name)))) continue;
      const value = this.value(resolve(schema, node), name, route, schema);
      if (value !== undefined && value !== null) out[name] = typeof value === "object" ? JSON.stringify(value) : String(value);
    }
    return out;
  }

  /** Every common way of naming a resource in a query string, each with a victim's value. */
  genericQuery(route: ApiRoute): Record<string, string> {
    return this.genericObject(route);
  }

  /** A body the route's schema accepts (refinements aside), with the victim's ids in it; undefined without a schema. */
  schemaBody(route: ApiRoute, method: Method): unknown {
    const schema = jsonSchemaOf(route.wrappers[method]?.body);
    return schema ? this.value(schema, "", route, schema) : undefined;
  }

  /**
   * The same with only the required fields and those that name a resource: an optional setting the
   * first variant fills in may be refused together with another (safe mode with `propagate_all`).
   */
  requiredBody(route: ApiRoute, method: Method): unknown {
    const schema = jsonSchemaOf(route.wrappers[method]?.body);
    if (!schema?.properties) return undefined;
    const out: Record<string, unknown> = {};
    for (const [name, node] of Object.entries(schema.properties)) {
      if (schema.required?.includes(name) || kindOfName(name) || isIdName(name)) out[name] = this.value(node, name, route, schema);
    }
    return out;
  }

  genericBody(route: ApiRoute): Record<string, unknown> {
    return this.genericObject(route);
  }

  /** Every kind under its `<kind>Id` name, and the kinds routes name plainly under their own. */
  private genericObject(route: ApiRoute): Record<string, string> {
    const v = this.victim;
    return {
      id: v[contextKind(route.segments) ?? "connection"][0],
      ...Object.fromEntries(KINDS.map((kind) => [`${kind}Id`, v[kind][0]])),
      stream: v.stream[0],
      entity: v.entity[0],
      email: v.email[0],
      token: v.token[0],
    };
  }

  private value(node: JsonSchema, name: string, route: ApiRoute, root: JsonSchema): unknown {
    node = resolve(root, node);
    if (node.const !== undefined) return node.const;
    if (node.enum?.length) return node.enum[0];
    const options = node.anyOf ?? node.oneOf;
    if (options?.length) return this.value(options.find((o) => resolve(root, o).type !== "null") ?? options[0], name, route, root);
    if (node.allOf?.length) return this.value(node.allOf[0], name, route, root);
    const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
    switch (type) {
      case "object": {
        if (!node.properties) return {};
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(node.properties)) out[key] = this.value(child, key, route, root);
        return out;
      }
      case "array": {
        const items = node.items ?? {};
        return Array.from({ length: Math.max(1, node.minItems ?? 1) }, () => this.value(items, singular(name), route, root));
      }
      case "string":
        return this.string(node, name, route);
      case "integer":
      case "number":
        return Math.min(node.maximum ?? Infinity, node.minimum ?? (node.exclusiveMinimum !== undefined ? node.exclusiveMinimum + 1 : 1));
      case "boolean":
        return true;
      case "null":
        return null;
      default:
        // Anything goes (z.unknown(), z.record of unknown): an object naming every resource.
        return this.genericObject(route);
    }
  }

  private string(node: JsonSchema, name: string, route: ApiRoute): string {
    const named = kindOfName(name);
    const kind = named ?? (isIdName(name) || node.format === "uuid" ? (contextKind(route.segments) ?? "connection") : undefined);
    const candidates = [...(kind ? this.victim[kind] : []), ...GENERIC, ...this.victim.connection];
    return candidates.find((c) => fits(node, c)) ?? candidates[0];
  }
}

function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  if (!schema) return undefined;
  try {
    return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  } catch {
    return undefined;
  }
}

function resolve(root: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (!ref) return node;
  if (ref === "#") return root;
  const name = ref.replace(/^#\/\$defs\//, "");
  return root.$defs?.[name] ?? {};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string meets a JSON-schema string node (format, pattern, length, enum). */
function fits(node: JsonSchema, value: string): boolean {
  if (node.enum && !node.enum.includes(value)) return false;
  if (node.minLength !== undefined && value.length < node.minLength) return false;
  if (node.maxLength !== undefined && value.length > node.maxLength) return false;
  if (node.format === "uuid" && !UUID.test(value)) return false;
  if (node.format === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return false;
  if ((node.format === "uri" || node.format === "url") && !URL.canParse(value)) return false;
  if (node.pattern) {
    try {
      if (!new RegExp(node.pattern).test(value)) return false;
    } catch {
      return true;
    }
  }
  return true;
}

const singular = (name: string) => name.replace(/ies$/, "y").replace(/s$/, "");
