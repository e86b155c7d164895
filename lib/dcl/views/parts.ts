import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { OntologyEntity } from "@/lib/dcl/ontology/definition";
import { currentRecordsSql, localSegments, parquetRelation, PARQUET_OPTIONS, type SegmentFile } from "@/lib/aam/segments/catalog";
import { quoteLiteral } from "@/lib/duckdb/sql";
import { getStore, storeKeys } from "@/lib/store";
import type { ViewPart } from "./builds";
import { streamSelectSql, type StreamSource } from "./plan";

/** A source's parts are merged back into one once a build would leave it more than this many. */
const MAX_PARTS = 8;

export type PartsInput = {
  tenantId: string;
  buildId: string;
  entity: OntologyEntity;
  source: StreamSource;
  /** The stream's committed segments, oldest first. */
  segments: SegmentFile[];
  /** The source's parts in the current build. */
  previous: ViewPart[];
};

/**
 * One source's parts of an entity's view in a new build. When the current build's parts were
 * written by the same projection over segments that are all still there, they are kept and only
 * the segments committed since are projected, into one new part; an older part holding a record
 * those segments change or delete is rewritten without it. Otherwise (first build, a mapping or
 * the ontology changed, segments replaced, or too many parts) the source is projected whole into
 * one part. Either way the view holds each record's latest version once.
 */
export async function sourceParts(duck: DuckDBConnection, input: PartsInput): Promise<ViewPart[]> {
  const { entity, source, segments, previous } = input;
  const signature = createHash("sha256")
    .update(streamSelectSql(entity, source, "records"))
    .digest("hex");
  const through = Math.max(0, ...previous.map((p) => p.throughSeq));
  const fresh = segments.filter((s) => s.seq > through);
  const intact = previous.every(
    (p) => p.signature === signature && segments.filter((s) => s.seq <= p.throughSeq).length === p.segmentCount,
  );
  if (previous.length > 0 && intact && fresh.length === 0) return previous;
  if (previous.length === 0 || !intact || previous.length >= MAX_PARTS) return compact(await writePart(duck, input, signature, segments));

  const added = await writePart(duck, input, signature, fresh);
  await duck.run(
    `CREATE OR REPLACE TEMP TABLE changed_ids AS SELECT DISTINCT source_record_id FROM ${parquetRelation((await localSegments(fresh)).map((s) => s.path))}`,
  );
  try {
    const kept: ViewPart[] = [];
    for (const part of previous) kept.push(...compact(await withoutChanged(duck, input, part)));
    return [...kept, ...compact(added)];
  } finally {
    await duck.run(`DROP TABLE changed_ids`);
  }
}

/** A part with no rows is left out (and has no file). */
const compact = (part: ViewPart): ViewPart[] => (part.rows > 0 ? [part] : []);

/** Projects the latest version of each record in `from` (some of the stream's segments) into a new part file. */
async function writePart(duck: DuckDBConnection, input: PartsInput, signature: string, from: SegmentFile[]): Promise<ViewPart> {
  const { entity, source, segments } = input;
  const throughSeq = Math.max(0, ...from.map((s) => s.seq));
  const part = {
    connectionId: source.connectionId,
    stream: source.stream,
    signature,
    throughSeq,
    segmentCount: segments.filter((s) => s.seq <= throughSeq).length,
  };
  return writeRows(duck, input, part, streamSelectSql(entity, source, currentRecordsSql(await localSegments(from))));
}

/** The part without the records `changed_ids` names: the part itself when it has none of them. */
async function withoutChanged(duck: DuckDBConnection, input: PartsInput, part: ViewPart): Promise<ViewPart> {
  const file = quoteLiteral(await (await getStore()).localPath(part.objectKey));
  const hits = await duck.runAndReadAll(
    `SELECT count(*)::BIGINT AS n FROM read_parquet(${file}) p WHERE EXISTS (SELECT 1 FROM changed_ids c WHERE c.source_record_id = p."_source_record_id")`,
  );
  if (Number(hits.getRowObjectsJS()[0]!.n) === 0) return part;
  const { objectKey: _old, rows: _rows, ...kept } = part;
  return writeRows(
    duck,
    input,
    kept,
    `SELECT * FROM read_parquet(${file}) p WHERE NOT EXISTS (SELECT 1 FROM changed_ids c WHERE c.source_record_id = p."_source_record_id")`,
  );
}

/** Writes the rows of `select` as a new part of the build; no file when there are none. */
async function writeRows(
  duck: DuckDBConnection,
  { tenantId, buildId }: PartsInput,
  part: Omit<ViewPart, "objectKey" | "rows">,
  select: string,
): Promise<ViewPart> {
  const store = await getStore();
  const scratch = await store.scratchFile(".parquet");
  const written = await duck.runAndReadAll(`COPY (${select}) TO ${quoteLiteral(scratch)} (${PARQUET_OPTIONS})`);
  const rows = Number(written.getRowObjectsJS()[0]!.Count);
  const objectKey = storeKeys.viewPart(tenantId, buildId, randomUUID());
  if (rows === 0) await rm(scratch, { force: true });
  else
    await store.put(objectKey, scratch).catch(async (error) => {
      await rm(scratch, { force: true });
      throw error;
    });
  return { ...part, objectKey, rows };
}
