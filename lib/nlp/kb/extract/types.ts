/** A piece of a document's structure: a heading (level 1-6) or a run of text (paragraph, list, code, table row). */
export type Block = { kind: "heading"; level: number; text: string } | { kind: "text"; text: string };

/** The formats the knowledge base reads, by media type. */
export const DOCUMENT_FORMATS = {
  "text/plain": { label: "Text", extensions: [".txt", ".text", ".log"] },
  "text/markdown": { label: "Markdown", extensions: [".md", ".markdown", ".mdx"] },
  "text/html": { label: "HTML", extensions: [".html", ".htm"] },
  "text/csv": { label: "CSV", extensions: [".csv"] },
  "application/pdf": { label: "PDF", extensions: [".pdf"] },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { label: "Word (DOCX)", extensions: [".docx"] },
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** Collapses runs of spaces and tabs; keeps line breaks inside a block readable. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
