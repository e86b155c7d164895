import { readFileSync } from "node:fs";
import { MockEmbeddingModelV4 } from "ai/test";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as askRoute } from "@/app/api/v1/nlp/ask/route";
import { GET as originalRoute } from "@/app/api/v1/nlp/kb/documents/[id]/original/route";
import { DELETE as deleteRoute, GET as documentRoute } from "@/app/api/v1/nlp/kb/documents/[id]/route";
import { GET as listRoute, POST as uploadRoute } from "@/app/api/v1/nlp/kb/documents/route";
import { POST as searchRoute } from "@/app/api/v1/nlp/kb/search/route";
import type { TenantScope } from "@/lib/auth/context";
import { answerQuestion, collectAnswer } from "@/lib/nlp/ask/answer";
import { bm25Rank } from "@/lib/nlp/kb/bm25";
import { indexedText } from "@/lib/nlp/kb/chunk";
import { termCounts, tokenize } from "@/lib/nlp/kb/tokenize";
import { localEmbedder, modelEmbedder } from "@/lib/nlp/kb/embed";
import { ingestDocument } from "@/lib/nlp/kb/ingest";
import { searchKb } from "@/lib/nlp/kb/search";
import { getStore } from "@/lib/store";
import { workflows } from "@/lib/tasks/workflows";
import { createAccount, joinTenant, type TestAccount } from "../support/accounts";
import { scopedDb } from "../support/db";
import { call } from "../support/http";
import { mockStreamingLlm } from "../support/llm";
import { testEngine } from "../support/tasks";

/*
 * The knowledge base through the API, as a person uses it: upload, the ingest task, search, ask
 * (with and without a model), originals for admins only, deletion, and another tenant seeing none of it.
 */

const EVAL = "tests/fixtures/kb/eval/docs";
const POLICY = [
  "# Customer care policy",
  "",
  "## Refunds",
  "",
  "Refunds are paid back to the original card within 14 days of a written request. Escalations go to Jane Doe (jane.doe@acme.example, +44 20 7946 0958).",
  "",
  "## Test card",
  "",
  "Support staff may use the test card 4111 1111 1111 1111 to reproduce payment errors; never a customer's card.",
].join("\n");
const RAW_PII = ["jane.doe@acme.example", "7946 0958", "4111 1111 1111 1111", "Jane Doe"];

const upload = (token: string, name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  call(uploadRoute, "POST", `/api/v1/nlp/kb/documents?name=${encodeURIComponent(name)}`, {
    token,
    rawBody: body as string,
    headers: { "content-type": "application/octet-stream", ...headers },
  });
const ask = (token: string, question: string, extra: Record<string, unknown> = {}) =>
  call(askRoute, "POST", "/api/v1/nlp/ask", { token, body: { question, stream: false, ...extra } });
const search = (token: string, query: string, extra: Record<string, unknown> = {}) =>
  call(searchRoute, "POST", "/api/v1/nlp/kb/search", { token, body: { query, ...extra } });
const docCall = (handler: typeof documentRoute, method: string, token: string, id: string) =>
  call(handler, method, `/api/v1/nlp/kb/documents/${id}`, { token, params: { id } });

describe("the knowledge base", () => {
  let a: TestAccount;
  let b: TestAccount;
  let scope: TenantScope;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    [a, b] = await Promise.all([createAccount({ label: "kb-a" }), createAccount({ label: "kb-b" })]);
    scope = { tenantId: a.tenantId, db: await scopedDb(a.tenantId) };
    const files: [string, string | Buffer][] = [
      ["care-policy.md", POLICY],
      ["croner.md", readFileSync(`${EVAL}/croner.md`)],
      ["debian-users-groups.html", readFileSync(`${EVAL}/debian-users-groups.html`)],
      ["xz-faq.txt", readFileSync(`${EVAL}/xz-faq.txt`)],
      ["security-handbook.pdf", readFileSync("tests/fixtures/kb/samples/security-handbook.pdf")],
    ];
    for (const [name, body] of files) {
      const res = await upload(a.token, name, body);
      expect(res.status, JSON.stringify(res.json)).toBe(201);
      expect(res.json.document).toMatchObject({ fileName: name, status: "queued" });
      ids[name] = res.json.document.id;
      expect(res.json.taskId).toBeTruthy();
    }
    const engine = await testEngine([a.tenantId], { workflows });
    engine.start();
    try {
      const statuses = async () =>
        (await call(listRoute, "GET", "/x", { token: a.token })).json.documents.map((d: { status: string }) => d.status) as string[];
      const deadline = Date.now() + 60_000;
      while ((await statuses()).some((s) => s !== "ready" && s !== "failed") && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(await statuses()).toEqual(files.map(() => "ready"));
    } finally {
      await engine.stop();
    }
  }, 120_000);

  it("ingests each document into chunks, counting what it redacted", async () => {
    const { json } = await docCall(documentRoute, "GET", a.token, ids["care-policy.md"]!);
    expect(json.document).toMatchObject({ status: "ready", title: "Care policy", embeddingModel: localEmbedder.id, error: null });
    expect(json.document.chunks).toBeGreaterThanOrEqual(2);
    expect(json.document.redactions).toMatchObject({ email: 1, phone: 1, card: 1 });
    expect(json.document.redactions.person).toBeGreaterThanOrEqual(1);
    const chunks = await scope.db.kbChunk.findMany({ where: { documentId: ids["care-policy.md"] } });
    const stored = chunks.map((c) => c.text).join("\n");
    for (const raw of RAW_PII) expect(stored).not.toContain(raw);
    expect(stored).toContain("[EMAIL_1]");
    const [index] = await scope.db.$queryRaw<
      { indexdef: string }[]
    >`SELECT indexdef FROM pg_indexes WHERE indexname = 'kb_chunks_embedding_idx'`;
    expect(index!.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    const pdf = await docCall(documentRoute, "GET", a.token, ids["security-handbook.pdf"]!);
    expect(pdf.json.document.chunks).toBeGreaterThan(0);
  });

  it("finds passages by BM25, by vector and fused, with their document, position and scores", async () => {
    const hybrid = await search(a.token, "how long until a refund reaches the card?");
    expect(hybrid.status).toBe(200);
    const top = hybrid.json.hits[0];
    expect(top).toMatchObject({ document: { id: ids["care-policy.md"], title: "Care policy" }, heading: "Customer care policy › Refunds" });
    expect(top.scores.bm25.rank).toBe(1);
    expect(top.scores.vector.rank).toBeGreaterThanOrEqual(1);
    expect(top.scores.rrf).toBeCloseTo(1 / 61 + 1 / (60 + top.scores.vector.rank), 10);
    const bm25 = await search(a.token, "multi-threaded decompression", { mode: "bm25", k: 3 });
    expect(bm25.json.hits[0].document.id).toBe(ids["xz-faq.txt"]);
    expect(
      bm25.json.hits.every((h: { scores: { vector: unknown; rrf: unknown } }) => h.scores.vector === null && h.scores.rrf === null),
    ).toBe(true);
    const vector = await search(a.token, "superuser root account", { mode: "vector", k: 3 });
    expect(vector.json.hits[0].document.id).toBe(ids["debian-users-groups.html"]);
    expect(vector.json.hits[0].scores.vector.similarity).toBeGreaterThan(0);
  });

  it("scores BM25 in SQL as the in-memory reference does, from the tenant's own statistics", async () => {
    const query = "compression threads memory usage";
    const chunks = await scope.db.kbChunk.findMany({ where: { tenantId: a.tenantId }, select: { id: true, heading: true, text: true } });
    const reference = bm25Rank(
      tokenize(query),
      chunks.map((c) => {
        const terms = tokenize(indexedText(c));
        return { id: c.id, terms: termCounts(terms), length: terms.length };
      }),
    ).slice(0, 5);
    const hits = (await search(a.token, query, { mode: "bm25", k: 5 })).json.hits as {
      chunkId: string;
      scores: { bm25: { score: number } };
    }[];
    expect(hits.map((h) => h.chunkId)).toEqual(reference.map((r) => r.id));
    hits.forEach((h, i) => expect(h.scores.bm25.score).toBeCloseTo(reference[i]!.score, 6));
  });

  it("searches by BM25 alone, saying so, when the embedding model fails", async () => {
    const down = { id: localEmbedder.id, embed: async () => Promise.reject(new Error("provider down")) };
    const result = await searchKb(scope, { query: "multi-threaded decompression", k: 3, mode: "hybrid" }, down);
    expect(result.note).toMatch(/BM25's only/);
    expect(result.hits[0]).toMatchObject({ document: { id: ids["xz-faq.txt"] }, scores: { vector: null } });
    await expect(searchKb(scope, { query: "x", k: 3, mode: "vector" }, down)).rejects.toMatchObject({ status: 503 });
  });

  it("answers without a model from the passages it quotes and cites, and says so when nothing answers", async () => {
    const res = await ask(a.token, "Within how many days are refunds paid?");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ by: "extractive", answerable: true, support: "answers" });
    expect(res.json.citations[0]).toMatchObject({
      n: 1,
      document: { id: ids["care-policy.md"] },
      heading: "Customer care policy › Refunds",
    });
    expect(res.json.answer).toContain("within 14 days of a written request");
    expect(res.json.answer).toContain("[1]");
    for (const raw of RAW_PII) expect(res.json.answer).not.toContain(raw);
    const none = await ask(a.token, "Configure SAML single sign-on for the admin dashboard");
    expect(none.json).toMatchObject({ answerable: false, support: "none", citations: [] });
    expect(none.json.answer).toMatch(/found nothing/);
  });

  it("streams an answer as server-sent events: its grounding, its text, its end", async () => {
    const res = await call(askRoute, "POST", "/api/v1/nlp/ask", { token: a.token, body: { question: "How should laptops be protected?" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const events = (res.json as string)
      .trim()
      .split("\n\n")
      .map((frame) => ({ event: frame.split("\n")[0]!.slice(7), data: JSON.parse(frame.split("\n")[1]!.slice(6)) }));
    expect(events[0]!.event).toBe("grounding");
    expect(events[0]!.data.grounding.citations[0].document.id).toBe(ids["security-handbook.pdf"]);
    expect(
      events
        .filter((e) => e.event === "text")
        .map((e) => e.data.text)
        .join(""),
    ).toContain("full disk encryption");
    expect(events.at(-1)).toMatchObject({ event: "done", data: { answerable: true, by: "extractive" } });
  });

  it("sends a model only redacted text, streams its words, and falls back to quoting when it fails", async () => {
    const model = mockStreamingLlm(["Refunds take ", "14 days [1]."]);
    const answer = await collectAnswer(
      answerQuestion(scope, { question: "Does jane.doe@acme.example approve refunds within 14 days?" }, { embedder: localEmbedder, model }),
    );
    expect(answer).toMatchObject({ by: "llm", answer: "Refunds take 14 days [1].", answerable: true });
    const sent = JSON.stringify(model.languageModel.doStreamCalls[0]!.prompt);
    expect(sent).toContain("written request");
    for (const raw of RAW_PII) expect(sent).not.toContain(raw);
    const calls = await scope.db.llmCall.findMany({ where: { tenantId: a.tenantId, purpose: "nlp.ask" } });
    expect(calls.at(-1)).toMatchObject({ error: null, inputTokens: 12 });

    const failing = mockStreamingLlm([], { fail: new Error("provider down") });
    const fallback = await collectAnswer(
      answerQuestion(scope, { question: "Within how many days are refunds paid?" }, { embedder: localEmbedder, model: failing }),
    );
    expect(fallback).toMatchObject({ by: "extractive", answerable: true, note: expect.stringMatching(/unavailable/) });
    expect(fallback.answer).toContain("within 14 days");
  });

  it("compares vectors of one embedding model only: a document embedded by another model is still found by its words", async () => {
    const mock = modelEmbedder(
      "mock:embed@256",
      new MockEmbeddingModelV4({
        doEmbed: async ({ values }) => ({
          embeddings: values.map((_, i) => Array.from({ length: 256 }, (_, k) => (k === i % 256 ? 3 : 0))),
          warnings: [],
        }),
      }),
    );
    const res = await upload(
      a.token,
      "onboarding.md",
      "# Onboarding\n\nNew starters receive their badge from reception on the first morning.",
    );
    const id = res.json.document.id as string;
    expect(await ingestDocument(scope, id, { embedder: mock })).toMatchObject({ status: "ready", chunks: 1 });
    const [row] = await scope.db.$queryRaw<
      { norm: number }[]
    >`SELECT vector_norm(embedding)::float8 AS norm FROM kb_chunks WHERE document_id = ${id}::uuid`;
    expect(row!.norm).toBeCloseTo(1, 5);
    const found = await search(a.token, "badge reception first morning", { k: 10 });
    const hit = found.json.hits.find((h: { document: { id: string } }) => h.document.id === id);
    expect(hit.scores).toMatchObject({ vector: null, bm25: { rank: 1 } });
    expect((await docCall(deleteRoute, "DELETE", a.token, id)).status).toBe(204);
  });

  it("shows the original, before redaction, to admins only", async () => {
    const original = await call(originalRoute, "GET", "/x", { token: a.token, params: { id: ids["care-policy.md"]! } });
    expect(original.status).toBe(200);
    expect(original.headers.get("content-disposition")).toContain("care-policy.md");
    expect(original.json).toContain("jane.doe@acme.example");
    const member = await createAccount({ label: "kb-member" });
    const memberToken = await joinTenant(a, member, "member");
    expect((await call(originalRoute, "GET", "/x", { token: memberToken, params: { id: ids["care-policy.md"]! } })).status).toBe(403);
    expect((await ask(memberToken, "Within how many days are refunds paid?")).json.answerable).toBe(true);
  });

  it("refuses bad uploads with a reason and keeps nothing of them", async () => {
    const before = (await call(listRoute, "GET", "/x", { token: a.token })).json.documents.length;
    expect((await upload(a.token, "setup.exe", "MZ")).status).toBe(415);
    expect((await upload(a.token, "empty.md", "")).status).toBe(422);
    expect((await upload(a.token, "../../etc/passwd.md", "x")).status).toBe(422);
    const again = await upload(a.token, "copy-of-policy.md", POLICY);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('"Care policy"');
    expect((await upload(a.token, "big.md", "x", { "content-length": String(30 * 1024 * 1024) })).status).toBe(413);
    const broken = await upload(a.token, "broken.pdf", "%PDF-1.4 this is not really a pdf");
    expect(broken.status).toBe(201);
    expect(await ingestDocument(scope, broken.json.document.id, { embedder: localEmbedder })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/PDF/),
    });
    expect((await docCall(documentRoute, "GET", a.token, broken.json.document.id)).json.document).toMatchObject({
      status: "failed",
      chunks: 0,
    });
    await docCall(deleteRoute, "DELETE", a.token, broken.json.document.id);
    expect((await call(listRoute, "GET", "/x", { token: a.token })).json.documents.length).toBe(before);
    expect((await search(a.token, "")).status).toBe(422);
  });

  it("keeps every document, chunk, answer and original from another tenant", async () => {
    const id = ids["care-policy.md"]!;
    expect((await call(listRoute, "GET", "/x", { token: b.token })).json.documents).toEqual([]);
    expect((await docCall(documentRoute, "GET", b.token, id)).status).toBe(404);
    expect((await docCall(deleteRoute, "DELETE", b.token, id)).status).toBe(404);
    expect((await call(originalRoute, "GET", "/x", { token: b.token, params: { id } })).status).toBe(404);
    expect((await search(b.token, "refunds written request card")).json.hits).toEqual([]);
    expect((await ask(b.token, "Within how many days are refunds paid?")).json).toMatchObject({ answerable: false, citations: [] });
    const bScope = await scopedDb(b.tenantId);
    expect(await bScope.kbChunk.count({ where: { documentId: id } })).toBe(0);
    expect(await bScope.kbPosting.count({ where: { tenantId: a.tenantId } })).toBe(0);
  });

  it("deletes a document with its chunks, vectors, postings and original", async () => {
    const id = ids["care-policy.md"]!;
    const { objectKey } = (await scope.db.kbDocument.findFirst({ where: { id } }))!;
    const chunkIds = (await scope.db.kbChunk.findMany({ where: { documentId: id }, select: { id: true } })).map((c) => c.id);
    expect(chunkIds.length).toBeGreaterThan(0);
    expect((await docCall(deleteRoute, "DELETE", a.token, id)).status).toBe(204);
    expect(await scope.db.kbChunk.count({ where: { documentId: id } })).toBe(0);
    expect(await scope.db.kbPosting.count({ where: { chunkId: { in: chunkIds } } })).toBe(0);
    expect(await (await getStore()).list(objectKey)).toEqual([]);
    expect(
      (await search(a.token, "refunds written request")).json.hits.every((h: { document: { id: string } }) => h.document.id !== id),
    ).toBe(true);
    expect((await docCall(documentRoute, "GET", a.token, id)).status).toBe(404);
    // BM25's statistics follow every ingest and deletion: df and the corpus as counted from scratch.
    const drift = await scope.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM kb_terms t FULL JOIN (SELECT term, count(*)::int AS df FROM kb_postings WHERE tenant_id = ${a.tenantId}::uuid GROUP BY term) p USING (term)
      WHERE coalesce(t.df, 0) <> coalesce(p.df, 0) AND (t.tenant_id = ${a.tenantId}::uuid OR t.tenant_id IS NULL)`;
    expect(drift[0]!.n).toBe(0);
    const corpus = await scope.db.kbCorpus.findUnique({ where: { tenantId: a.tenantId } });
    const chunks = await scope.db.kbChunk.aggregate({ where: { tenantId: a.tenantId }, _count: true, _sum: { length: true } });
    expect({ chunks: corpus!.chunks, length: Number(corpus!.totalLength) }).toEqual({ chunks: chunks._count, length: chunks._sum.length });
  });
});
