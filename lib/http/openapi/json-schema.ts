import { createHash } from "node:crypto";
import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the JSON Schema of what a client sends (`io: "input"`: defaults optional,
 * transforms' inputs). Shared definitions (recursive ones such as `z.json()`) move to
 * `components.schemas`, collected in `shared`, so every `$ref` points into the document; zod's
 * anonymous ones are named by a hash of their content, so the same definition from two routes is
 * one component and two different ones never overwrite each other. Types JSON Schema cannot say become `{}`.
 */
export function inputJsonSchema(schema: z.ZodType, shared: Record<string, JsonSchema>): JsonSchema {
  const { $schema: _, $defs = {}, ...json } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema & {
    $defs?: Record<string, JsonSchema>;
  };
  const names = new Map<string, string>();
  for (const [name, def] of Object.entries($defs)) {
    const hash = createHash("sha256").update(JSON.stringify(def)).digest("hex").slice(0, 8);
    const readable = name.replace(/[^A-Za-z0-9._-]/g, "_");
    names.set(name, /^__schema\d+$/.test(name) ? `Schema_${hash}` : readable in shared && !sameAs(shared[readable], def) ? `${readable}_${hash}` : readable);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) =>
        key === "$ref" && typeof v === "string" && v.startsWith("#/$defs/") ? [key, `#/components/schemas/${names.get(v.slice(8)) ?? v.slice(8)}`] : [key, rewrite(v)],
      ),
    );
  };
  for (const [name, def] of Object.entries($defs)) shared[names.get(name)!] = rewrite(def) as JsonSchema;
  return rewrite(json) as JsonSchema;
}

function sameAs(a: unknown, b: unknown) {
  return JSON.stringify(a) === JSON.stringify(b);
}
