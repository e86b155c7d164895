import { z } from "zod";
import { PersonaId } from "@/lib/nlp/personas/registry";

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

export const AskBody = z.object({
  question: z.string().trim().min(1).max(2000),
  /** Named explicitly, it wins over the classifier. */
  persona: PersonaId.optional(),
  /** false: one JSON answer instead of a stream of server-sent events. */
  stream: z.boolean().default(true),
});
export type AskBody = z.infer<typeof AskBody>;
