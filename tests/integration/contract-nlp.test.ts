import { beforeAll, describe, expect, it } from "vitest";
import { localEmbedder } from "@/lib/nlp/kb/embed";
import { ingestDocument } from "@/lib/nlp/kb/ingest";
import { createAccount, type TestAccount } from "../support/accounts";
import { scopedDb } from "../support/db";
import { callOperation } from "../support/http";

/**
 * The assistant's operations (knowledge base, answers, persona summaries and routing) as an
 * integrator calls them, by operationId: every answer is checked against the OpenAPI document
 * (tests/support/contract.ts).
 */
const DOCUMENTS: Record<string, string> = {
  "travel-policy.md":
    "# Travel policy\n\n## Hotels\n\nHotel stays are booked through the travel desk and reimbursed up to 180 euros a night.",
  "laptop-care.md":
    "# Laptop care\n\n## Encryption\n\nEvery laptop uses full disk encryption and locks its screen after five idle minutes.",
  "expenses.txt": "Expense claims are filed within 30 days of the purchase, with the receipt attached.",
};

describe("the assistant's API", () => {
  let owner: TestAccount;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    owner = await createAccount({ label: "contract-nlp" });
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      const added = await callOperation("postNlpKbDocuments", {
        token: owner.token,
        query: { name },
        rawBody: text,
        headers: { "content-type": "application/octet-stream" },
      });
      expect(added.status, JSON.stringify(added.json)).toBe(201);
      expect(added.json.document).toMatchObject({ fileName: name, status: "queued", taskId: added.json.taskId });
      ids[name] = added.json.document.id;
      // The kb.ingest task's work, done here rather than by a job engine.
      expect(await ingestDocument(scope, ids[name]!, { embedder: localEmbedder })).toMatchObject({ status: "ready" });
    }
  }, 120_000);

  it("reads a document and how far its reading went", async () => {
    const read = await callOperation("getNlpKbDocumentsById", { token: owner.token, params: { id: ids["laptop-care.md"]! } });
    expect(read.status).toBe(200);
    expect(read.json.document).toMatchObject({ title: "Laptop care", status: "ready", format: "text/markdown", error: null });
    expect(read.json.document.chunks).toBeGreaterThan(0);
  });

  it("lists documents a page at a time, newest first, by title on request, and by status", async () => {
    const first = await callOperation("getNlpKbDocuments", { token: owner.token, query: { limit: "2" } });
    expect(first.status).toBe(200);
    expect(first.json.documents.map((d: { fileName: string }) => d.fileName)).toEqual(["expenses.txt", "laptop-care.md"]);
    const rest = await callOperation("getNlpKbDocuments", { token: owner.token, query: { limit: "2", cursor: first.json.nextCursor } });
    expect(rest.json).toEqual({ documents: [expect.objectContaining({ fileName: "travel-policy.md" })], nextCursor: null });

    const byTitle = await callOperation("getNlpKbDocuments", { token: owner.token, query: { sort: "title" } });
    expect(byTitle.json.documents.map((d: { title: string }) => d.title)).toEqual(["Expenses", "Laptop care", "Travel policy"]);
    expect((await callOperation("getNlpKbDocuments", { token: owner.token, query: { status: "failed" } })).json.documents).toEqual([]);
  });

  it("searches the documents, each hit with its scores", async () => {
    const found = await callOperation("postNlpKbSearch", { token: owner.token, body: { query: "hotel reimbursed per night", k: 3 } });
    expect(found.status).toBe(200);
    expect(found.json.mode).toBe("hybrid");
    expect(found.json.hits[0]).toMatchObject({ document: { id: ids["travel-policy.md"] }, heading: "Travel policy › Hotels" });
    expect(found.json.hits[0].scores.bm25.rank).toBe(1);
  });

  it("answers a question as one JSON answer, or as a stream of events", async () => {
    const question = "How are laptops protected with encryption?";
    const whole = await callOperation("postNlpAsk", { token: owner.token, body: { question, stream: false } });
    expect(whole.status).toBe(200);
    expect(whole.json).toMatchObject({ answerable: true, by: "extractive", support: "answers" });
    expect(whole.json.citations[0].document.id).toBe(ids["laptop-care.md"]);
    expect(whole.json.answer).toContain("full disk encryption");

    const streamed = await callOperation("postNlpAsk", { token: owner.token, body: { question } });
    expect(streamed.status).toBe(200);
    expect(streamed.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = [...(streamed.json as string).matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events[0]).toBe("grounding");
    expect(events.at(-1)).toBe("done");
  });

  it("gives the original file, before redaction, as a download", async () => {
    const original = await callOperation("getNlpKbDocumentsByIdOriginal", { token: owner.token, params: { id: ids["expenses.txt"]! } });
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("application/octet-stream");
    expect(original.headers.get("content-disposition")).toContain("expenses.txt");
    expect(original.json).toBe(DOCUMENTS["expenses.txt"]);
  });

  it("summarizes a persona's figures", async () => {
    const summary = await callOperation("getNlpPersonaSummary", { token: owner.token, query: { persona: "coo", asOf: "2026-11-30" } });
    expect(summary.status).toBe(200);
    expect(summary.json).toMatchObject({ persona: "coo", demo: false, asOf: "2026-11-30", narrative: { by: "template" } });
    expect(summary.json.figures).toContainEqual(expect.objectContaining({ key: "connections_by_status", value: 0, source: "database" }));
  });

  it("routes a question to a persona, by its words or as named", async () => {
    const guessed = await callOperation("postNlpRoute", {
      token: owner.token,
      body: { question: "What is the weighted pipeline and win rate?" },
    });
    expect(guessed.status).toBe(200);
    expect(guessed.json).toMatchObject({ persona: "cro", by: "classifier" });
    const named = await callOperation("postNlpRoute", { token: owner.token, body: { question: "Anything new?", persona: "cto" } });
    expect(named.json).toMatchObject({ persona: "cto", by: "explicit", confidence: 1 });
  });

  it("deletes a document", async () => {
    const id = ids["travel-policy.md"]!;
    expect((await callOperation("deleteNlpKbDocumentsById", { token: owner.token, params: { id } })).status).toBe(204);
    expect((await callOperation("getNlpKbDocumentsById", { token: owner.token, params: { id } })).status).toBe(404);
  });
});
