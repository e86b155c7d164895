import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chunkBlocks, indexedText } from "@/lib/nlp/kb/chunk";
import { embedLocally, LOCAL_EMBEDDING } from "@/lib/nlp/kb/embed/local";
import { extractBlocks, formatOf } from "@/lib/nlp/kb/extract";
import { htmlBlocks } from "@/lib/nlp/kb/extract/html";
import { markdownBlocks } from "@/lib/nlp/kb/extract/markdown";
import { plainTextBlocks } from "@/lib/nlp/kb/extract/plain-text";
import { tokenize } from "@/lib/nlp/kb/tokenize";

const sample = (name: string) => readFileSync(`tests/fixtures/kb/samples/${name}`);

describe("reading documents", () => {
  it("reads Markdown headings, paragraphs and code, and keeps the words of links and emphasis", () => {
    const blocks = markdownBlocks(
      "---\ntitle: x\n---\n# Guide\n\nRead the [setup notes](https://x.test) **first**.\n\n## Install\n\n```sh\nnpm install thing\n```\n\nSetext\n======\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Guide" },
      { kind: "text", text: "Read the setup notes first." },
      { kind: "heading", level: 2, text: "Install" },
      { kind: "text", text: "npm install thing" },
      { kind: "heading", level: 1, text: "Setext" },
      { kind: "text", text: "a | b\n1 | 2" },
    ]);
  });

  it("reads HTML headings, paragraphs, list items and table rows, and skips scripts, styles and navigation", () => {
    const blocks = htmlBlocks(
      "<html><head><title>T</title><style>p{}</style></head><body><nav>Home | About</nav><h1>Refunds</h1><p>Refunds take <b>14&nbsp;days</b>.</p><ul><li>One</li><li>Two</li></ul><table><tr><th>Plan</th><th>Price</th></tr><tr><td>Pro</td><td>10 &euro;</td></tr></table><script>alert(1)</script></body></html>",
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 1, text: "Refunds" },
      { kind: "text", text: "Refunds take 14 days." },
      { kind: "text", text: "One" },
      { kind: "text", text: "Two" },
      { kind: "text", text: "Plan | Price" },
      { kind: "text", text: "Pro | 10 €" },
    ]);
  });

  it("reads plain text paragraphs and takes short standalone lines as headings, but not answers or commands", () => {
    expect(
      plainTextBlocks(
        "Backups\n=======\n\nWe back up nightly.\nCopies are kept 30 days.\n\nA: xz -dc foo | tar xf -\n\nRestoring\n\nAsk the desk.",
      ),
    ).toEqual([
      { kind: "heading", level: 1, text: "Backups" },
      { kind: "text", text: "We back up nightly.\nCopies are kept 30 days." },
      { kind: "text", text: "A: xz -dc foo | tar xf -" },
      { kind: "heading", level: 2, text: "Restoring" },
      { kind: "text", text: "Ask the desk." },
    ]);
  });

  it("reads PDF text page by page, DOCX headings and paragraphs, and CSV rows as column: value", async () => {
    const pdf = await extractBlocks(sample("security-handbook.pdf"), "application/pdf", "Handbook");
    expect(pdf.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual(["Page 1", "Page 2"]);
    expect(pdf.map((b) => b.text).join(" ")).toContain("Report incidents to the security desk within one hour.");
    const docx = await extractBlocks(sample("travel-policy.docx"), formatOf("travel-policy.docx"), "Travel");
    expect(docx).toEqual([
      { kind: "heading", level: 1, text: "Travel policy" },
      { kind: "text", text: "Employees book economy class for flights under six hours." },
      { kind: "heading", level: 2, text: "Expenses" },
      { kind: "text", text: "Hotel costs are reimbursed up to 180 euros a night with a receipt." },
    ]);
    const csv = await extractBlocks(Buffer.from("plan,price\nPro,10\nTeam,\n"), "text/csv", "Prices");
    expect(csv).toEqual([
      { kind: "heading", level: 1, text: "Prices" },
      { kind: "text", text: "plan: Pro; price: 10" },
      { kind: "text", text: "plan: Team" },
    ]);
  });

  it("refuses what it cannot read with a reason: unknown formats (415), damaged PDFs and Word files (422)", async () => {
    expect(() => formatOf("setup.exe")).toThrow(expect.objectContaining({ status: 415 }));
    expect(formatOf("notes", "text/markdown; charset=utf-8")).toBe("text/markdown");
    await expect(extractBlocks(Buffer.from("not a pdf"), "application/pdf", "x")).rejects.toMatchObject({ status: 422 });
    await expect(extractBlocks(Buffer.from("not a zip"), formatOf("a.docx"), "x")).rejects.toMatchObject({ status: 422 });
  });
});

describe("chunking", () => {
  const long = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} sentence number ${i} ends here.`).join(" ");

  it("cuts slices of the document's text that never cross a heading and carry their headings", () => {
    const blocks = markdownBlocks(`# Policy\n\nIntro line.\n\n## Refunds\n\n${long(60, "Refund")}\n\n## Shipping\n\nShips in two days.`);
    const { text, chunks } = chunkBlocks(blocks, { maxWords: 50, overlapWords: 10 });
    for (const c of chunks) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(chunks[0]).toMatchObject({ heading: "Policy", text: "Intro line." });
    const refunds = chunks.filter((c) => c.heading === "Policy › Refunds");
    expect(refunds.length).toBeGreaterThan(5);
    expect(refunds.every((c) => c.text.split(/\s+/).length <= 50 && !c.text.includes("Ships"))).toBe(true);
    expect(chunks.at(-1)).toMatchObject({ heading: "Policy › Shipping", text: "Ships in two days." });
    expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
  });

  it("overlaps consecutive chunks of a section by whole sentences, always moving forward", () => {
    const { chunks } = chunkBlocks(markdownBlocks(long(40, "Alpha")), { maxWords: 30, overlapWords: 12 });
    for (let i = 1; i < chunks.length; i++) {
      expect(chunks[i]!.start).toBeGreaterThan(chunks[i - 1]!.start);
      expect(chunks[i]!.start).toBeLessThan(chunks[i - 1]!.end);
      expect(chunks[i]!.text.startsWith("Alpha sentence number")).toBe(true);
    }
  });

  it("splits a sentence longer than a chunk at word boundaries", () => {
    const words = Array.from({ length: 130 }, (_, i) => `w${i}`).join(" ");
    const { chunks } = chunkBlocks([{ kind: "text", text: words }], { maxWords: 50, overlapWords: 0 });
    expect(chunks.map((c) => c.text.split(" ").length)).toEqual([50, 50, 30]);
    expect(indexedText({ heading: "", text: "x" })).toBe("x");
  });
});

describe("terms and the local embedding", () => {
  it("stems English words, drops stop words and redaction placeholders, and keeps identifiers whole", () => {
    expect(tokenize("The invoices were invoiced by [PERSON_1] using max_connections and v1.2!")).toEqual([
      "invoic",
      "invoic",
      "us",
      "max_connections",
      "v1.2",
    ]);
    expect(tokenize("Crème brûlée")).toEqual(tokenize("creme brulee"));
  });

  it("is deterministic, unit length, and closer for texts sharing word forms than for unrelated ones", () => {
    const a = embedLocally("invoices overdue for payment");
    expect(a).toHaveLength(LOCAL_EMBEDDING.dimensions);
    expect(Math.hypot(...a)).toBeCloseTo(1, 6);
    expect(embedLocally("invoices overdue for payment")).toEqual(a);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i]!, 0);
    expect(dot(a, embedLocally("an overdue invoice awaiting payments"))).toBeGreaterThan(
      dot(a, embedLocally("kubernetes cluster autoscaling")) + 0.3,
    );
    expect(embedLocally("the of and").every((v) => v === 0)).toBe(true);
  });
});
