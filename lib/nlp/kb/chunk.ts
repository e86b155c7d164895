import type { Block } from "./extract/types";

/** A passage of a document: a slice [start, end) of the document's text, under its section's headings. */
export type Chunk = { position: number; heading: string; text: string; start: number; end: number };

export type ChunkOptions = { maxWords: number; overlapWords: number };

/** About a long paragraph or two: small enough to cite, large enough to answer from. */
export const DEFAULT_CHUNKING: ChunkOptions = { maxWords: 180, overlapWords: 30 };

/**
 * Lays the blocks out as the document's text (blocks separated by a blank line, headings as their
 * own line) and cuts it into chunks that never cross a heading: whole blocks while they fit, long
 * blocks at sentence ends, over-long sentences at word boundaries. Consecutive chunks of a section
 * share up to `overlapWords` words of whole sentences, so an answer on a boundary is whole in one.
 */
export function chunkBlocks(blocks: Block[], options: ChunkOptions = DEFAULT_CHUNKING): { text: string; chunks: Chunk[] } {
  let text = "";
  const sections: { heading: string; units: Unit[] }[] = [];
  const headings: { level: number; text: string }[] = [];
  let section: { heading: string; units: Unit[] } | null = null;
  for (const block of blocks) {
    const start = text.length === 0 ? 0 : text.length + 2;
    text += (text.length === 0 ? "" : "\n\n") + block.text;
    if (block.kind === "heading") {
      while (headings.length && headings.at(-1)!.level >= block.level) headings.pop();
      headings.push({ level: block.level, text: block.text });
      section = null;
      continue;
    }
    if (!section) sections.push((section = { heading: headings.map((h) => h.text).join(" › "), units: [] }));
    section.units.push(...units(block.text, start, options.maxWords));
  }
  const chunks: Chunk[] = [];
  for (const { heading, units: all } of sections) {
    let from = 0;
    while (from < all.length) {
      let to = from;
      let count = all[from]!.words;
      while (to + 1 < all.length && count + all[to + 1]!.words <= options.maxWords) count += all[++to]!.words;
      chunks.push({
        position: chunks.length,
        heading,
        text: text.slice(all[from]!.start, all[to]!.end),
        start: all[from]!.start,
        end: all[to]!.end,
      });
      if (to + 1 >= all.length) break;
      // Step back over whole trailing units for the overlap, always moving forward.
      let next = to + 1;
      let overlap = 0;
      while (next - 1 > from && overlap + all[next - 1]!.words <= options.overlapWords) overlap += all[--next]!.words;
      from = next;
    }
  }
  return { text, chunks };
}

type Unit = { start: number; end: number; words: number };

/** A block as units of at most `maxWords` words: the whole block, else its sentences, else word windows. */
function units(blockText: string, offset: number, maxWords: number): Unit[] {
  const whole = wordCount(blockText);
  if (whole <= maxWords) return [{ start: offset, end: offset + blockText.length, words: whole }];
  const out: Unit[] = [];
  for (const sentence of spans(blockText, SENTENCE)) {
    const words = wordCount(blockText.slice(sentence.start, sentence.end));
    if (words <= maxWords) {
      out.push({ start: offset + sentence.start, end: offset + sentence.end, words });
      continue;
    }
    const wordSpans = spans(blockText.slice(sentence.start, sentence.end), /\S+/g);
    for (let i = 0; i < wordSpans.length; i += maxWords) {
      const group = wordSpans.slice(i, i + maxWords);
      out.push({ start: offset + sentence.start + group[0]!.start, end: offset + sentence.start + group.at(-1)!.end, words: group.length });
    }
  }
  return out;
}

/** A sentence runs to its end punctuation (and closing quotes or brackets), or to a line break in a list. */
const SENTENCE = /[^\s][\s\S]*?(?:[.!?]+["')\]]*(?=\s|$)|\n(?=\s*(?:[-*•]|\d+[.)])\s)|$)/g;

function spans(text: string, pattern: RegExp): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const match of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
    const value = match[0].trimEnd();
    if (value) out.push({ start: match.index, end: match.index + value.length });
  }
  return out;
}

/** Words as the chunker counts them (whitespace-separated); the index counts terms (tokenize). */
function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** What the index reads of a chunk: its section's headings, then its text. */
export function indexedText(chunk: Pick<Chunk, "heading" | "text">): string {
  return chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text;
}
