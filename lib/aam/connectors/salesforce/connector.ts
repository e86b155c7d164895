import "server-only";
import {
  ConnectorError,
  SAMPLE_SIZE,
  type Connector,
  type ReadBatch,
  type ReadOptions,
  type SourceRecord,
  type SourceStream,
  type StreamState,
} from "../types";
import { createSalesforceClient } from "./client";
import type { SalesforceConfig } from "./config";
import { CURSOR_FIELD, parseAnswer, QueryPage, SObjectDescribe, toSourceFields, toSourceRecord } from "./describe";
import { buildReadQuery, ReadPosition, soqlName } from "./soql";

/** GETs one page of query results: a query's first page or its `nextRecordsUrl`. */
type FetchPage = (path: string, signal?: AbortSignal) => Promise<QueryPage>;

const queryPath = (api: string, soql: string) => `${api}/query?q=${encodeURIComponent(soql)}`;

/** Reads sObjects through the Salesforce REST API (describe + SOQL query), incrementally on SystemModstamp. */
export function createSalesforceConnector(config: SalesforceConfig): Connector {
  const client = createSalesforceClient(config);
  const api = `/services/data/v${config.apiVersion}`;

  const fetchPage: FetchPage = async (path, signal) => parseAnswer(QueryPage, await client.get(path, signal), "query result");

  async function discoverObject(object: string): Promise<SourceStream> {
    const describe = parseAnswer(SObjectDescribe, await client.get(`${api}/sobjects/${soqlName(object)}/describe`), "object description");
    if (!describe.queryable) throw new ConnectorError("source", `${describe.name} cannot be queried.`);
    const fields = toSourceFields(describe);
    const hasCursor = fields.some((field) => field.name === CURSOR_FIELD && field.type === "timestamp");
    const sample = await fetchPage(
      queryPath(api, `SELECT ${fields.map((f) => soqlName(f.name)).join(", ")} FROM ${soqlName(describe.name)} LIMIT ${SAMPLE_SIZE}`),
    );
    return {
      name: describe.name,
      fields,
      primaryKey: ["Id"],
      cursorField: hasCursor ? CURSOR_FIELD : null,
      sample: sample.records.map(toSourceRecord),
    };
  }

  return {
    async check() {
      // Resources by Version: proves the token and that the org serves this API version.
      await client.get(`${api}/`);
    },

    async discover() {
      const result: Awaited<ReturnType<Connector["discover"]>> = { streams: [], problems: [] };
      for (const object of config.objects) {
        try {
          result.streams.push(await discoverObject(object));
        } catch (error) {
          // An object Salesforce will not describe or query is reported; auth and network failures are not per object.
          if (!(error instanceof ConnectorError) || error.kind !== "source") throw error;
          result.problems.push({ stream: object, message: error.message });
        }
      }
      return result;
    },

    read(stream, state, options) {
      return readStream(fetchPage, api, stream, state, options);
    },

    async close() {
      client.close();
    },
  };
}

/**
 * Pages through one query in (cursor, Id) order. Each batch's state is the last record's position,
 * so a read resumed from any yielded state repeats nothing and skips nothing. A stream without a
 * cursor ends with a `null` state: its next sync starts over.
 */
async function* readStream(
  fetchPage: FetchPage,
  api: string,
  stream: SourceStream,
  state: StreamState,
  { batchSize, signal }: ReadOptions,
): AsyncGenerator<ReadBatch> {
  const saved = ReadPosition.nullable().safeParse(state);
  if (!saved.success)
    throw new ConnectorError("config", `The saved position of ${stream.name} is not valid; reset the stream to read it again.`);
  const fields = withRequired(
    stream.fields.map((f) => f.name),
    stream.cursorField,
  );

  let page = await fetchPage(queryPath(api, buildReadQuery(stream.name, fields, stream.cursorField, saved.data ?? {})), signal);
  for (;;) {
    const records = page.records.map(toSourceRecord);
    for (let start = 0; start < records.length; start += batchSize) {
      const batch = records.slice(start, start + batchSize);
      yield { records: batch, rejects: [], state: positionOf(batch[batch.length - 1], stream) };
    }
    if (!page.nextRecordsUrl) break;
    page = await fetchPage(page.nextRecordsUrl, signal);
  }
  if (stream.cursorField === null) yield { records: [], rejects: [], state: null };
}

function withRequired(fields: string[], cursorField: string | null): string[] {
  const required = cursorField === null ? ["Id"] : ["Id", cursorField];
  return [...required.filter((name) => !fields.includes(name)), ...fields];
}

function positionOf(record: SourceRecord, stream: SourceStream): { [key: string]: string } {
  const missing = () => new ConnectorError("source", `Salesforce answered a ${stream.name} record without Id or ${stream.cursorField}.`);
  const lastId = record.Id;
  if (typeof lastId !== "string") throw missing();
  if (stream.cursorField === null) return { lastId };
  const cursor = record[stream.cursorField];
  if (typeof cursor !== "string") throw missing();
  return { cursor, lastId };
}
