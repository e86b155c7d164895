import { z } from "zod";
import { listOf, pageParams, sortParam } from "@/lib/http/list";
import { Id, Timestamp } from "@/lib/http/wire";

export const DocumentParams = z.object({ id: z.uuid() });

/** `POST /api/v1/nlp/kb/documents?name=handbook.pdf&title=...`: the file is the request body. */
export const UploadDocumentQuery = z.object({
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[^/\\\0\p{Cc}]+$/u, "a file name without folders or control characters")
    .refine((n) => !n.startsWith("."), "a file name may not start with a dot"),
  title: z.string().trim().min(1).max(200).optional(),
});

export const SearchMode = z.enum(["hybrid", "bm25", "vector"]);

export const SearchInput = z.object({
  query: z.string().trim().min(1).max(2000),
  k: z.coerce.number().int().min(1).max(50).default(10),
  mode: SearchMode.default("hybrid"),
  /** Reciprocal Rank Fusion's constant (hybrid only). */
  rrfK: z.coerce.number().int().min(1).max(1000).optional(),
  /** How many of each retriever's best the fusion reads (hybrid only). */
  candidates: z.coerce.number().int().min(1).max(200).optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

export const KbDocumentStatus = z.enum(["queued", "ingesting", "ready", "failed"]);

export const ListDocumentsQuery = z.object({
  ...pageParams({ defaultLimit: 50, maxLimit: 200 }),
  sort: sortParam(["createdAt", "title"], "-createdAt"),
  status: KbDocumentStatus.optional().meta({ description: "Only the documents in this state" }),
});
export type ListDocumentsQuery = z.infer<typeof ListDocumentsQuery>;

/** A document of the knowledge base and how far its reading went. */
export const KbDocument = z
  .object({
    id: Id,
    title: z.string(),
    fileName: z.string().meta({ examples: ["security-handbook.pdf"] }),
    format: z.string().meta({ description: "The media type it was read as", examples: ["application/pdf"] }),
    formatLabel: z.string().meta({ examples: ["PDF"] }),
    bytes: z.number().int(),
    status: KbDocumentStatus.meta({ description: "`ready`: searchable; `failed`: see `error`" }),
    error: z.string().nullable().meta({ description: "Why reading it failed" }),
    chunks: z.number().int().meta({ description: "Passages it was cut into" }),
    redactions: z
      .record(z.string(), z.number().int())
      .meta({ description: "Personal data redacted before indexing, counted by kind", examples: [{ email: 2, phone: 1 }] }),
    embeddingModel: z
      .string()
      .nullable()
      .meta({ description: "The model its passages were embedded with", examples: ["local-hash-ngram-v1"] }),
    taskId: Id.nullable().meta({ description: "The `kb.ingest` task that reads it" }),
    createdAt: Timestamp,
    ingestedAt: Timestamp.nullable(),
  })
  .meta({ id: "KbDocument" });
export type KbDocument = z.infer<typeof KbDocument>;

export const KbDocumentPage = listOf("documents", KbDocument);
export const KbDocumentAnswer = z.object({ document: KbDocument });
export const AddedKbDocument = z.object({ document: KbDocument, taskId: Id.meta({ description: "The `kb.ingest` task that reads it" }) });

const Bm25Score = z.object({
  score: z.number(),
  rank: z.number().int(),
  coverage: z.number().meta({ description: "The share of the query's weight (idf) the passage holds, 0 to 1" }),
});

/** A passage that matched, with every score that ranked it (null where that retriever did not find it or did not run). */
export const KbSearchHit = z
  .object({
    chunkId: Id,
    document: z.object({ id: Id, title: z.string(), fileName: z.string() }),
    position: z.number().int().meta({ description: "The passage's place in its document, from 0" }),
    heading: z.string().meta({ description: "The headings above it, outermost first", examples: ["Customer care policy › Refunds"] }),
    text: z.string().meta({ description: "The passage, personal data redacted" }),
    start: z.number().int().meta({ description: "Where the passage starts in the document's extracted text" }),
    end: z.number().int(),
    scores: z.object({
      bm25: Bm25Score.nullable(),
      vector: z.object({ similarity: z.number(), rank: z.number().int() }).nullable(),
      rrf: z.number().nullable().meta({ description: "The fused score (hybrid mode only)" }),
    }),
  })
  .meta({ id: "KbSearchHit" });
export type KbSearchHit = z.infer<typeof KbSearchHit>;

export const KbSearchResult = z.object({
  mode: SearchMode,
  embeddingModel: z.string().meta({ examples: ["local-hash-ngram-v1"] }),
  hits: z.array(KbSearchHit),
  note: z.string().optional().meta({ description: "Set when the embedding model failed and a hybrid search fell back to BM25" }),
});
export type KbSearchResult = z.infer<typeof KbSearchResult>;
