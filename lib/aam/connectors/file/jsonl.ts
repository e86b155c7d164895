import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { flattenRecord } from "../flatten";
import type { JsonValue, SourceRecord } from "../types";
import type { FileEncoding } from "./config";
import { decodeChunks, detectEncoding } from "./text";

export type JsonlItem =
  | { kind: "row"; record: SourceRecord; raw: string; line: number }
  | { kind: "reject"; raw: string; reason: string; line: number };

/** Streams a JSON Lines file: each non-blank line an object (flattened); anything else is a reject. */
export async function* readJsonl(file: string, encoding: FileEncoding): AsyncGenerator<JsonlItem> {
  const resolved = encoding === "auto" ? await detectEncoding(file) : encoding;
  const lines = createInterface({ input: Readable.from(decodeChunks(createReadStream(file), resolved)), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { kind: "reject", raw: text, line, reason: `not valid JSON: ${(error as Error).message}` };
      continue;
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      yield { kind: "reject", raw: text, line, reason: "each line must be a JSON object" };
      continue;
    }
    yield { kind: "row", record: flattenRecord(value as { [key: string]: JsonValue }), raw: text, line };
  }
}
