import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { BadRequestError, ValidationError } from "@/lib/errors";

/** A JSON file the CLI was given, checked against `schema`; `what` names it in messages. */
export async function readJson<T>(file: string, schema: z.ZodType<T>, what: string): Promise<T> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new BadRequestError(`cannot read ${what} file "${file}"`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequestError(`${what} file "${file}" is not valid JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new ValidationError(`${what} file "${file}" is not valid:\n  ${issues.join("\n  ")}`);
  }
  return parsed.data;
}
