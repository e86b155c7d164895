import { withTenant } from "@/lib/http/route";
import { getEmbedder } from "@/lib/nlp/kb/embed";
import { KbSearchResult, SearchInput } from "@/lib/nlp/kb/schemas";
import { searchKb } from "@/lib/nlp/kb/search";

/** Hybrid (default), BM25 or vector search over the tenant's documents; hits carry every score. */
export const POST = withTenant(async ({ ctx, body }) => searchKb(ctx, body, getEmbedder()), {
  scope: "kb:read",
  body: SearchInput,
  response: KbSearchResult,
});
