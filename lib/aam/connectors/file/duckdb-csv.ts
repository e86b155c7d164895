import { createReadStream, createWriteStream } from "node:fs";
import { rm, stat } from "node:fs/promises";
import { pipeline } from "node:stream/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteLiteral } from "@/lib/duckdb/sql";
import type { SourceField, SourceStream, StreamState, TabularRead } from "../types";
import type { CsvOptions } from "./csv";
import { hashFile } from "./hash";
import { detectEncoding, headText, sniffDelimiter } from "./text";

/**
 * The read state of a file: the SHA-256 of the bytes read, how many, and how many rows (the
 * JavaScript reader resumes by rows). `bytes` is absent in states the JavaScript reader wrote.
 */
export type FileStreamState = { sha256: string; offset: number; complete: boolean; bytes?: number };

const NUMBER = "-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?";

/**
 * One cell as JSON, by the column's inferred type, following `parseText` (lib/aam/connectors/infer)
 * to the byte, so the JavaScript reader and this one store the same payload (and hash) for a row:
 * blank is null, numbers are doubles printed as JavaScript prints them (`1e3` and `100.00` are
 * `1000` and `100`), booleans are booleans, a cell that does not fit its type stays text, strings
 * keep their spaces.
 */
function typedCell(column: string, field: SourceField): string {
  const t = `NULLIF(trim(${column}), '')`;
  const d = `CAST(${t} AS DOUBLE)`;
  switch (field.type) {
    case "integer":
    case "number":
      return `CASE WHEN ${t} IS NULL THEN NULL
        WHEN NOT regexp_full_match(${t}, '${NUMBER}') OR NOT isfinite(TRY_CAST(${t} AS DOUBLE)) THEN to_json(${column})
        WHEN abs(${d}) < 1e21 AND ${d} = trunc(${d}) THEN CAST(CAST(${d} AS HUGEINT) AS JSON)
        ELSE CAST(${d} AS JSON) END`;
    case "boolean":
      return `CASE WHEN ${t} IS NULL THEN NULL WHEN lower(${t}) IN ('true', 'false') THEN CAST(lower(${t}) = 'true' AS JSON) ELSE to_json(${column}) END`;
    case "string":
      // Text goes into the JSON as a string (json_object quotes it), spaces kept.
      return `CASE WHEN ${t} IS NULL THEN NULL ELSE ${column} END`;
    default:
      return t;
  }
}

/**
 * Reads a delimited UTF-8 file's new rows with DuckDB's CSV reader into a temporary table, the
 * relation the segment writer reads (parsing into a table runs in parallel; streaming the parse
 * straight into the ordered Parquet write measured slower). An unchanged file reads nothing; a
 * file that only grew (its earlier bytes hash the same, ending on a line break) reads only the
 * bytes after them; anything else reads the whole file. Returns null (the JavaScript reader takes
 * over) for other encodings, and `accepted()` is false when DuckDB found a row it cannot parse, so
 * quarantine keeps its exact reasons and line numbers.
 */
export async function readCsvWithDuckDb(
  file: string,
  stream: SourceStream,
  options: CsvOptions,
  state: StreamState,
  duck: DuckDBConnection,
  scratchFile: () => Promise<string>,
): Promise<TabularRead | null> {
  const encoding = options.encoding === "auto" ? await detectEncoding(file) : options.encoding;
  if (encoding !== "utf-8") return null;
  const previous = state as FileStreamState | null;
  const size = (await stat(file)).size;
  const grew = previous?.complete && previous.bytes !== undefined && previous.bytes < size ? previous.bytes : undefined;
  const hashes = await hashFile(file, grew);
  const nothing = async () => {};
  if (previous?.complete && previous.bytes === size && previous.sha256 === hashes.sha256)
    return { relation: null, state: () => state, accepted: async () => true, close: nothing };
  const append = grew !== undefined && hashes.prefix?.sha256 === previous!.sha256 && hashes.prefix.endsWithNewline;

  const delimiter = options.delimiter === "auto" ? sniffDelimiter(await headText(file, encoding)) : options.delimiter;
  let source = file;
  let tail: string | undefined;
  if (append) {
    tail = await scratchFile();
    await pipeline(createReadStream(file, { start: grew }), createWriteStream(tail)).catch(async (error) => {
      await rm(tail!, { force: true });
      throw error;
    });
    source = tail;
  }
  const columns = stream.fields.map((_, i) => `c${i}`);
  const types = `{${columns.map((c) => `'${c}': 'VARCHAR'`).join(", ")}}`;
  const payload = `CAST(json_object(${stream.fields.map((f, i) => `${quoteLiteral(f.name)}, ${typedCell(columns[i]!, f)}`).join(", ")}) AS VARCHAR)`;
  await duck.run(`DROP TABLE IF EXISTS csv_rejects`);
  await duck.run(`DROP TABLE IF EXISTS csv_reject_scans`);
  const close = async () => {
    await duck.run(`DROP TABLE IF EXISTS csv_rows`);
    if (tail) await rm(tail, { force: true });
  };
  try {
    // Rows keep the file's order (DuckDB preserves insertion order).
    await duck.run(`CREATE OR REPLACE TEMP TABLE csv_rows AS SELECT ${payload} AS payload
      FROM read_csv(${quoteLiteral(source)}, delim = ${quoteLiteral(delimiter)}, quote = '"', escape = '"', header = false,
        skip = ${options.header && !append ? 1 : 0}, columns = ${types}, auto_detect = false, max_line_size = 8388608,
        ignore_errors = true, store_rejects = true, rejects_table = 'csv_rejects', rejects_scan = 'csv_reject_scans')`);
    const rejects = Number((await duck.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM csv_rejects`)).getRowObjectsJS()[0]!.n);
    const offset = append ? previous!.offset : 0;
    return {
      relation: "csv_rows",
      state: (rows) => ({ sha256: hashes.sha256, offset: offset + rows, complete: true, bytes: size }) satisfies FileStreamState,
      accepted: async () => rejects === 0,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
