import { getStore } from "@/lib/store";
import { inferFields, mergeTypes, parseText, typeOfText } from "../infer";
import { detectPrimaryKey } from "../keys";
import { newRecord } from "../record";
import {
  ConnectorError,
  SAMPLE_SIZE,
  type Connector,
  type DiscoverResult,
  type ReadBatch,
  type ReadOptions,
  type RejectedRecord,
  type SourceField,
  type SourceRecord,
  type SourceStream,
  type StreamState,
} from "../types";
import { csvOptionsFor, isJsonLines, type FileConfig } from "./config";
import { CsvShapeError, openCsv } from "./csv";
import { readJsonl } from "./jsonl";
import { readCsvWithDuckDb, type FileStreamState } from "./duckdb-csv";
import { hashFile } from "./hash";
import { fileTextProblem } from "./text";
import type { FileList } from "./location";

/** Rows read to infer column types and find the key; the sample is the first SAMPLE_SIZE of them. */
const INFER_ROWS = 10_000;

/**
 * CSV / TSV / JSON Lines files (a server folder's or uploads, as `files` lists them), one stream per file. Reads are resumable: the
 * state holds the file's hash and how many rows were committed; an unchanged file is skipped, a
 * changed one is read again (records already stored are recognised by their content).
 */
export function createFileConnector(config: FileConfig, files: FileList): Connector {
  /** Where the stream's file is now (null: it is gone), resolved once per read so one read sees one version of it. */
  async function fileOf(stream: string): Promise<string | null> {
    const file = (await files()).find((f) => f.name === stream);
    return file ? file.path() : null;
  }

  /** Records typed by `fields` (CSV cells are text until then); JSON Lines carry their own types. */
  async function* rows(
    name: string,
    file: string,
    fields?: SourceField[],
  ): AsyncGenerator<{ record: SourceRecord } | { reject: RejectedRecord }> {
    if (isJsonLines(name)) {
      for await (const item of readJsonl(file, config.encoding)) {
        yield item.kind === "row"
          ? { record: item.record }
          : { reject: { raw: item.raw, reason: item.reason, location: `line ${item.line}` } };
      }
      return;
    }
    const csv = await openCsv(file, csvOptionsFor(config, name));
    const types = new Map(fields?.map((f) => [f.name, f.type]));
    for await (const item of csv.items) {
      if (item.kind === "reject") {
        yield { reject: { raw: item.raw, reason: item.reason, location: `line ${item.line}` } };
        continue;
      }
      const record = newRecord();
      csv.columns.forEach((column, i) => {
        const text = item.values[i] ?? "";
        record[column] = fields ? parseText(text, types.get(column) ?? "string") : text;
      });
      yield { record };
    }
  }

  async function discoverFile(name: string, file: string): Promise<SourceStream> {
    if (isJsonLines(name)) {
      const records: SourceRecord[] = [];
      for await (const row of rows(name, file)) if ("record" in row && records.push(row.record) >= INFER_ROWS) break;
      const fields = inferFields(records);
      return {
        name,
        fields,
        primaryKey: detectPrimaryKey(
          fields.map((f) => f.name),
          records,
        ),
        cursorField: null,
        sample: records.slice(0, SAMPLE_SIZE),
      };
    }
    const csv = await openCsv(file, csvOptionsFor(config, name));
    const columns = csv.columns;
    const texts: SourceRecord[] = [];
    for await (const item of csv.items) {
      if (item.kind === "row" && texts.push(Object.fromEntries(columns.map((c, i) => [c, item.values[i] ?? ""]))) >= INFER_ROWS) break;
    }
    const fields: SourceField[] = columns.map((column) => {
      let type = null;
      let nullable = false;
      for (const record of texts) {
        const t = typeOfText(String(record[column] ?? ""));
        if (t === null) nullable = true;
        type = mergeTypes(type, t);
      }
      return { name: column, type: type ?? "string", nullable: nullable || texts.length === 0 };
    });
    const typed = texts.map((r) => Object.fromEntries(fields.map((f) => [f.name, parseText(String(r[f.name] ?? ""), f.type)])));
    return { name, fields, primaryKey: detectPrimaryKey(columns, typed), cursorField: null, sample: typed.slice(0, SAMPLE_SIZE) };
  }

  return {
    async check() {
      await files();
    },

    async discover(): Promise<DiscoverResult> {
      const result: DiscoverResult = { streams: [], problems: [] };
      for (const file of await files()) {
        const name = file.name;
        try {
          const path = await file.path();
          // Binary data would fail the whole sync (PostgreSQL stores no NUL in its schema); the other files are still read.
          const problem = await fileTextProblem(path, config.encoding);
          if (problem?.kind === "binary") {
            result.problems.push({
              stream: name,
              message: `${name} ${problem.reason}; it was not read. Remove it, or replace it with CSV, TSV or JSON Lines text.`,
            });
            continue;
          }
          result.streams.push(await discoverFile(name, path));
        } catch (error) {
          if (!(error instanceof CsvShapeError)) throw error;
          result.problems.push({ stream: name, message: `${name} ${error.message}` });
        }
      }
      return result;
    },

    async *read(stream: SourceStream, state: StreamState, options: ReadOptions): AsyncGenerator<ReadBatch> {
      const file = await fileOf(stream.name);
      // Gone since discovery (deleted meanwhile): nothing to read; the next discovery reports it removed.
      if (!file) return;
      const { sha256 } = await hashFile(file);
      const previous = state as FileStreamState | null;
      if (previous?.sha256 === sha256 && previous.complete) return;
      const skip = previous?.sha256 === sha256 ? previous.offset : 0;
      let offset = 0;
      let batch: ReadBatch = { records: [], rejects: [], state: null };
      for await (const row of rows(stream.name, file, stream.fields)) {
        options.signal?.throwIfAborted();
        if (offset++ < skip) continue;
        if ("record" in row) batch.records.push(row.record);
        else batch.rejects.push(row.reject);
        if (batch.records.length + batch.rejects.length >= options.batchSize) {
          yield { ...batch, state: { sha256, offset, complete: false } };
          batch = { records: [], rejects: [], state: null };
        }
      }
      yield { ...batch, state: { sha256, offset, complete: true } };
    },

    async readTabular(stream, state, duck) {
      if (isJsonLines(stream.name)) return null;
      const file = await fileOf(stream.name);
      if (!file) return { relation: null, state: () => state, accepted: async () => true, close: async () => {} };
      return readCsvWithDuckDb(file, stream, csvOptionsFor(config, stream.name), state, duck, async () =>
        (await getStore()).scratchFile(".csv"),
      );
    },

    async close() {},
  };
}
