import { tidy, type Block } from "./types";

/**
 * Plain text to blocks: paragraphs split at blank lines. A short line standing alone without end
 * punctuation (a title, "2. Installation", an underlined or upper-case line) is read as a heading.
 */
export function plainTextBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  for (const part of source
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)) {
    const lines = part.split("\n").filter((l) => l.trim());
    if (lines.length === 0) continue;
    const underlined = lines.length === 2 && /^\s*([=\-~*])\1{2,}\s*$/.test(lines[1]!);
    if (underlined || (lines.length === 1 && looksLikeHeading(lines[0]!))) {
      blocks.push({ kind: "heading", level: underlined && lines[1]!.trim()[0] === "=" ? 1 : 2, text: tidy(lines[0]!) });
      continue;
    }
    const text = tidy(lines.join("\n"));
    if (text) blocks.push({ kind: "text", text });
  }
  return blocks;
}

function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= 80 &&
    /[\p{L}]/u.test(text) &&
    !/[.,;:!?]$/.test(text) &&
    !/[|=<>{};$]|^[A-Z]:\s/.test(text) &&
    text.split(/\s+/).length <= 10
  );
}
