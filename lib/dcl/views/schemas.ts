import { z } from "zod";
import { OntologyFieldType } from "@/lib/dcl/ontology/definition";
import { listOf } from "@/lib/http/list";
import { Id } from "@/lib/http/wire";

/** One source stream feeding an entity's view in a build. */
export const ViewSource = z
  .object({
    connectionId: Id,
    stream: z.string().meta({ examples: ["accounts.csv"] }),
    entity: z.string().meta({ examples: ["account"] }),
    rows: z.int().min(0).meta({ description: "Rows the stream contributes to the view" }),
    mappedFields: z.int().min(0).meta({ description: "How many of the entity's fields its approved mappings fill" }),
    mappingVersion: z.int().min(1).meta({ description: "The newest mapping version applied to the stream" }),
  })
  .meta({ id: "ViewSource" });
export type ViewSource = z.infer<typeof ViewSource>;

/** The tenant's current build of its unified views, as readers see it. */
export const BuildSummary = z
  .object({
    id: Id.nullable().meta({ description: "Null before the first build" }),
    builtAt: z.iso
      .datetime()
      .or(z.literal(""))
      .meta({ description: "When it was built; empty before the first build", examples: ["2026-11-30T09:15:00.000Z"] }),
    ontologyVersion: z.string().meta({ description: "The ontology it was built for; empty before the first build" }),
    recordsLoaded: z.int().min(0),
    entities: z.array(z.object({ entity: z.string(), rows: z.int().min(0) })),
    sources: z.array(ViewSource),
  })
  .meta({ id: "ViewBuild" });
export type BuildSummary = z.infer<typeof BuildSummary>;

/** A column of a unified view: an ontology field, or a lineage column (`_` first) saying where the row came from. */
export const ViewColumn = z
  .object({
    name: z.string().meta({ examples: ["amount", "_connection_id"] }),
    type: OntologyFieldType,
    description: z.string(),
  })
  .meta({ id: "ViewColumn" });
export type ViewColumn = z.infer<typeof ViewColumn>;

/** Every entity's view, from the current build. */
export const ViewList = z.object({
  builtAt: z.iso.datetime().nullable().meta({ description: "When the current build was made; null before the first" }),
  ontologyVersion: z.string(),
  views: z.array(
    z
      .object({
        entity: z.string().meta({ examples: ["account"] }),
        description: z.string(),
        rows: z.int().min(0),
        columns: z.array(ViewColumn),
        sources: z.array(ViewSource),
      })
      .meta({ id: "UnifiedView" }),
  ),
});
export type ViewList = z.infer<typeof ViewList>;

/**
 * A value of a view's row: columns are typed scalars. Whole numbers and numbers are numbers, dates
 * `YYYY-MM-DD` and times ISO 8601 strings (UTC); null where the source had no value.
 */
export const ViewValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type ViewValue = z.infer<typeof ViewValue>;

/** One row of a unified view: a value per column of the entity (its fields, then the lineage columns). */
export const ViewRow = z.record(z.string(), ViewValue).meta({
  id: "ViewRow",
  description: "A value per column, by column name: tenant data shaped by the ontology entity",
  examples: [
    {
      account_id: "A-1",
      name: "Acme",
      _connection_id: "3f0c8a52-6f1e-4c8e-9a57-2b7f1d4e9c10",
      _stream: "accounts.csv",
      _source_record_id: "A-1",
      _mapping_version: 1,
      _observed_at: "2026-11-30T09:15:00.000Z",
    },
  ],
});
export type ViewRow = z.infer<typeof ViewRow>;

/** A page of one unified view's rows, filtered and sorted. */
export const ViewPage = listOf("rows", ViewRow)
  .extend({
    entity: z.string(),
    columns: z.array(ViewColumn),
    total: z.int().min(0).meta({ description: "Rows matching the filters, across all pages" }),
    limit: z.int().min(1),
    offset: z.int().min(0).meta({ description: "How many matching rows come before this page's first" }),
    built: z.boolean().meta({ description: "False before the views were first built: there are no rows yet" }),
  })
  .meta({ id: "ViewPage" });
export type ViewPage = z.infer<typeof ViewPage>;

/**
 * `?sort=-amount,name&limit=50&cursor=...` plus filters: any other key is `field` (equals) or
 * `field.op` with op one of eq, ne, gt, gte, lt, lte, contains, null (`true`/`false`). Text
 * compares without regard to case (`eq`, `ne`, `contains`; ids such as `account_id` and the lineage
 * columns compare exactly); `ne` keeps the rows with no value; a value that does not read as the
 * column's type (a number, a date...) is refused (422). `cursor` is a page's `nextCursor`.
 */
export const ViewQuery = z
  .object({
    sort: z.string().optional().meta({ description: "Columns to order by, `-` before one for descending: `-amount,name`" }),
    limit: z.string().optional().meta({ description: "Rows per page (a number)" }),
    cursor: z.string().optional().meta({ description: "Where to go on: the previous page's `nextCursor`" }),
  })
  .catchall(z.string())
  .transform(({ sort, limit, cursor, ...filters }): { sort?: string; limit?: string; cursor?: string; filters: [string, string][] } => ({
    sort,
    limit,
    cursor,
    filters: Object.entries(filters),
  }));
export type ViewQuery = z.infer<typeof ViewQuery>;
