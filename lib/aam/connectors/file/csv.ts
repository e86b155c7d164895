import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { MAX_COLUMNS } from "./config";
import { decodeChunks, detectEncoding, headText, sniffDelimiter } from "./text";
import type { FileEncoding } from "./config";

export type CsvOptions = { encoding: FileEncoding; delimiter: string; header: boolean };

export type CsvItem =
  | { kind: "row"; values: string[]; raw: string; line: number }
  | { kind: "reject"; raw: string; reason: string; line: number };

export type CsvFile = { columns: string[]; items: AsyncGenerator<CsvItem> };

export class CsvShapeError extends Error {}

/**
 * Opens a delimited text file: resolves encoding and delimiter, reads the header, and streams the
 * data rows. A row with the wrong number of fields, or one the parser cannot make sense of (an
 * unclosed quote), comes out as a `reject` with its raw text, so it can be quarantined.
 */
export async function openCsv(file: string, options: CsvOptions): Promise<CsvFile> {
  const encoding = options.encoding === "auto" ? await detectEncoding(file) : options.encoding;
  const delimiter = options.delimiter === "auto" ? sniffDelimiter(await headText(file, encoding)) : options.delimiter;
  const rejects: CsvItem[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    raw: true,
    info: true,
    max_record_size: 8 * 1024 * 1024,
    on_skip: (error: CsvError | undefined, raw: string | undefined) => {
      rejects.push({
        kind: "reject",
        raw: raw ?? "",
        reason: error?.message ?? "unreadable row",
        line: Number((error as { lines?: number })?.lines ?? 0),
      });
      return undefined;
    },
  });
  Readable.from(decodeChunks(createReadStream(file), encoding)).pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<{ record: string[]; raw: string; info: { lines: number } }>;

  let columns: string[];
  const first = await records.next();
  if (first.done) {
    columns = [];
  } else if (options.header) {
    columns = headerNames(first.value.record);
  } else {
    columns = first.value.record.map((_, i) => `column_${i + 1}`);
  }
  if (columns.length > MAX_COLUMNS) {
    parser.destroy();
    throw new CsvShapeError(
      `has ${columns.length.toLocaleString("en-US")} columns; at most ${MAX_COLUMNS.toLocaleString("en-US")} are supported`,
    );
  }

  /** Leaving early (break, throw) destroys the parser, which closes the file. */
  async function* items(): AsyncGenerator<CsvItem> {
    try {
      if (!first.done && !options.header) yield toItem(first.value, columns.length);
      for (;;) {
        const next = await records.next();
        yield* rejects.splice(0);
        if (next.done) return;
        yield toItem(next.value, columns.length);
      }
    } finally {
      parser.destroy();
    }
  }
  return { columns, items: items() };
}

function toItem(parsed: { record: string[]; raw: string; info: { lines: number } }, width: number): CsvItem {
  const { record, raw, info } = parsed;
  if (record.length !== width) {
    return { kind: "reject", raw, line: info.lines, reason: `row has ${record.length} fields; the header has ${width}` };
  }
  return { kind: "row", values: record, raw, line: info.lines };
}

/** Trimmed names; blank ones become column_N and repeats get a _2, _3 suffix, so every column keeps its data. */
function headerNames(raw: string[]): string[] {
  const used = new Set<string>();
  return raw.map((value, i) => {
    const base = value.trim() || `column_${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name;
  });
}
