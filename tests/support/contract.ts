import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { z } from "zod";
import { createSchema } from "zod-openapi";
import { Problem, PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { routeSpecOf } from "@/lib/http/route";
import { SCHEMA_OPTIONS } from "@/lib/http/openapi/schema-options";
import { SERVED_DOCUMENT } from "@/lib/http/openapi/served";

/**
 * The API contract, checked on real answers: every response a route handler gives a test (through
 * `call`, tests/support/http.ts) must have the status its route documents and a body that validates
 * against the JSON Schema the OpenAPI document carries for it (rendered by zod-openapi from the same
 * zod schema; tests/unit/openapi.test.ts keeps the served document equal to it). Errors must be
 * problem details.
 */
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new WeakMap<z.ZodType, ValidateFunction>();

function validatorFor(schema: z.ZodType): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const rendered = createSchema(schema, { io: "output", schemaRefPath: "#/$defs/", opts: SCHEMA_OPTIONS });
    validate = ajv.compile({ ...(rendered.schema as object), $defs: rendered.components });
    validators.set(schema, validate);
  }
  return validate;
}

export class ContractViolation extends Error {
  override name = "ContractViolation";
}

/** Throws ContractViolation when the answer breaks its route's documented contract. */
export function checkContract(handler: unknown, answer: { status: number; json: unknown; headers: Headers }, label: string): void {
  const spec = routeSpecOf(handler);
  if (!spec) return;
  const type = answer.headers.get("content-type") ?? "";
  if (answer.status >= 400) {
    if (!type.startsWith(PROBLEM_CONTENT_TYPE))
      throw new ContractViolation(`${label}: ${answer.status} is not ${PROBLEM_CONTENT_TYPE} (${type})`);
    assertValid(validatorFor(Problem), answer.json, `${label}: ${answer.status}`);
    return;
  }
  if (answer.status >= 300 || answer.headers.get("idempotent-replayed")) return;
  const documented = spec.status ?? (spec.response === null ? 204 : 200);
  if (answer.status !== documented) throw new ContractViolation(`${label}: answered ${answer.status}, the document says ${documented}`);
  if (spec.response instanceof z.ZodType) {
    if (!type.startsWith("application/json"))
      throw new ContractViolation(`${label}: answered ${type || "no content type"}, the document says application/json`);
    assertValid(validatorFor(spec.response), answer.json, `${label}: ${answer.status}`);
  } else if (spec.response?.json && type.startsWith("application/json")) {
    assertValid(validatorFor(spec.response.json), answer.json, `${label}: ${answer.status}`);
  } else if (spec.response && !type.startsWith(spec.response.mediaType)) {
    throw new ContractViolation(`${label}: answered ${type}, the document says ${spec.response.mediaType}`);
  }
}

function assertValid(validate: ValidateFunction, value: unknown, label: string) {
  if (validate(value)) return;
  const problems = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`);
  throw new ContractViolation(
    `${label} does not match the documented schema:\n  ${problems.join("\n  ")}\nbody: ${JSON.stringify(value)?.slice(0, 600)}`,
  );
}

type Document = { paths: Record<string, Record<string, { operationId: string }>> };
let served: Document | undefined;
const document = () => (served ??= JSON.parse(readFileSync(SERVED_DOCUMENT, "utf8")) as Document);
const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/**
 * The route handler, method and path template of a documented operation, by its operationId: the
 * contract tests (tests/integration/contract-*.test.ts) call operations by the names integrators
 * see, and tests/unit/api-contract-coverage.test.ts checks that they call every one.
 */
export async function operationHandler(operationId: string) {
  for (const [template, item] of Object.entries(document().paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId !== operationId) continue;
      const file = path.join(APP_DIR, template.replace(/\{([^}]+)\}/g, "[$1]"), "route.ts");
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      return { handler: mod[method.toUpperCase()] as Parameters<typeof checkContract>[0], method: method.toUpperCase(), template };
    }
  }
  throw new Error(`No operation ${operationId} in the OpenAPI document (npm run openapi?)`);
}
