import { open } from "node:fs/promises";
import type { FileEncoding } from "./config";

type Encoding = Exclude<FileEncoding, "auto">;

const SNIFF_BYTES = 8 * 1024 * 1024;

/**
 * The file's encoding: a byte-order mark decides; otherwise UTF-8 when the first 8 MB decode as
 * valid UTF-8, else Windows-1252 (which decodes any byte, so nothing is lost).
 */
export async function detectEncoding(file: string): Promise<Encoding> {
  const head = await readHead(file, SNIFF_BYTES);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return isUtf8(head) ? "utf-8" : "windows-1252";
}

/** How much of a file is looked at to tell text from binary data (git looks at its first 8,000 bytes). */
export const TEXT_CHECK_BYTES = 8 * 1024;

/** Control characters that do not belong in text (tab, line breaks, form feed and DOS's end-of-file mark do). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const CONTROL = /[\u0001-\u0008\u000e-\u0019\u001b-\u001f\u007f]/g;

/** Why a file is refused as text: `binary` data, or not the `encoding` it was declared in. */
export type TextProblem = { kind: "binary" | "encoding"; reason: string };

/**
 * Why the start of a file is clearly not text, or null when it may be. A NUL byte, or control
 * characters in place of text, say binary data (a spreadsheet, image or archive); UTF-16, the one
 * text encoding with NUL bytes, is decoded first. A file declared UTF-8 must be UTF-8; under
 * "auto" a file that is not is read as Windows-1252, so that alone is no reason.
 */
export function textProblem(head: Uint8Array, encoding: FileEncoding): TextProblem | null {
  if (head.length === 0) return null;
  let resolved: Encoding;
  if (encoding !== "auto") resolved = encoding;
  else if (head[0] === 0xff && head[1] === 0xfe) resolved = "utf-16le";
  else if (head[0] === 0xfe && head[1] === 0xff) resolved = "utf-16be";
  else resolved = isUtf8(head) ? "utf-8" : "windows-1252";
  const text = new TextDecoder(resolved).decode(head, { stream: true });
  const controls = text.match(CONTROL)?.length ?? 0;
  if (text.includes("\u0000") || controls > Math.max(2, text.length / 20)) {
    return { kind: "binary", reason: "is not a text file: it holds binary data (a spreadsheet, image or archive?)" };
  }
  if (resolved === "utf-8" && !isUtf8(head))
    return { kind: "encoding", reason: "is not UTF-8 text, the encoding this connection is set to read" };
  return null;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** `textProblem` for the start of `file`. */
export async function fileTextProblem(file: string, encoding: FileEncoding): Promise<TextProblem | null> {
  return textProblem(await readHead(file, TEXT_CHECK_BYTES), encoding);
}

/** Decodes a byte stream as text; the byte-order mark is dropped. Invalid bytes become U+FFFD. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: Encoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding === "utf-16be" ? "utf-16be" : encoding, { ignoreBOM: false });
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/** The delimiter that splits the first lines into the same number (>1) of fields most often. */
export function sniffDelimiter(sample: string): string {
  const lines = sample
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "")
    .slice(0, 20);
  let best = { delimiter: ",", score: 0 };
  for (const delimiter of CANDIDATES) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

export async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The first 64 KB of the file as text (for sniffing its delimiter). */
export async function headText(file: string, encoding: Encoding): Promise<string> {
  return new TextDecoder(encoding).decode(await readHead(file, 64 * 1024), { stream: true });
}
