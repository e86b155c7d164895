import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { UnsupportedMediaTypeError, ValidationError } from "@/lib/errors";
import { htmlBlocks } from "./html";
import { markdownBlocks } from "./markdown";
import { plainTextBlocks } from "./plain-text";
import { DOCUMENT_FORMATS, type Block, type DocumentFormat } from "./types";

export { DOCUMENT_FORMATS, type Block, type DocumentFormat } from "./types";

/** Rows of a CSV read into one document; a larger table belongs in a data connection. */
const MAX_CSV_ROWS = 20_000;

/** The format of an upload, from its file name's extension, else its declared media type. */
export function formatOf(name: string, mediaType?: string | null): DocumentFormat {
  const extension = path.extname(name).toLowerCase();
  for (const [format, { extensions }] of Object.entries(DOCUMENT_FORMATS))
    if ((extensions as readonly string[]).includes(extension)) return format as DocumentFormat;
  const declared = mediaType?.split(";")[0]?.trim().toLowerCase();
  if (declared && declared in DOCUMENT_FORMATS) return declared as DocumentFormat;
  const known = Object.values(DOCUMENT_FORMATS)
    .flatMap((f) => f.extensions)
    .join(", ");
  throw new UnsupportedMediaTypeError(`The knowledge base cannot read "${extension || name}" files; it reads ${known}`);
}

/** A document's structure. Throws ValidationError when the bytes are not a readable document of that format. */
export async function extractBlocks(bytes: Buffer, format: DocumentFormat, title: string): Promise<Block[]> {
  switch (format) {
    case "text/plain":
      return plainTextBlocks(decodeText(bytes));
    case "text/markdown":
      return markdownBlocks(decodeText(bytes));
    case "text/html":
      return htmlBlocks(decodeText(bytes));
    case "text/csv":
      return csvBlocks(decodeText(bytes), title);
    case "application/pdf":
      return pdfBlocks(bytes);
    case "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
      return docxBlocks(bytes);
  }
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: read it as Windows-1252, which every byte sequence is.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** Each row becomes "column: value; column: value", under the file's title as heading. */
function csvBlocks(source: string, title: string): Block[] {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(source, { columns: true, skip_empty_lines: true, relax_column_count: true, bom: true, to: MAX_CSV_ROWS + 1 });
  } catch (error) {
    throw new ValidationError(`The CSV file cannot be read: ${error instanceof Error ? error.message.split("\n")[0] : "malformed"}`);
  }
  if (rows.length > MAX_CSV_ROWS)
    throw new ValidationError(`The CSV file has more than ${MAX_CSV_ROWS} rows; connect it as a data source instead`);
  const lines = rows
    .map((row) =>
      Object.entries(row)
        .filter(([, v]) => v !== "" && v != null)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; "),
    )
    .filter(Boolean);
  return [{ kind: "heading", level: 1, text: title }, ...lines.map((text) => ({ kind: "text" as const, text }))];
}

/** Each page's text, under a "Page N" heading so that a citation can name the page. */
async function pdfBlocks(bytes: Buffer): Promise<Block[]> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  let pages: string[];
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = (await extractText(pdf, { mergePages: false })).text;
  } catch {
    throw new ValidationError("The PDF file cannot be read (damaged, encrypted or not a PDF)");
  }
  if (!pages.some((p) => p.trim()))
    throw new ValidationError("The PDF has no text layer (a scan?); the knowledge base does not read images");
  return pages.flatMap((page, i) => [
    { kind: "heading" as const, level: 1, text: `Page ${i + 1}` },
    ...plainTextBlocks(page).map((b) => ({ kind: "text" as const, text: b.text })),
  ]);
}

async function docxBlocks(bytes: Buffer): Promise<Block[]> {
  const mammoth = await import("mammoth");
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlBlocks(value);
  } catch {
    throw new ValidationError("The Word file cannot be read (damaged, or not a .docx)");
  }
}
