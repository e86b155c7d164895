import { tidy, type Block } from "./types";

/**
 * Markdown to blocks: ATX and setext headings, fenced code, paragraphs, lists and tables. Inline
 * markup is reduced to its text (links keep their words, images their alt text); front matter,
 * HTML comments and tags are dropped.
 */
export function markdownBlocks(source: string): Block[] {
  const lines = source
    .replace(/^\uFEFF/, "")
    .replace(/^---\n[\s\S]*?\n---\n/, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .split(/\r?\n/);
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const text = tidy(paragraph.map(inline).join("\n"));
    if (text) blocks.push({ kind: "text", text });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^\s*(```|~~~)/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i]!.trimStart().startsWith(fence[1]!)) code.push(lines[i]!);
      const text = code.join("\n").trim();
      if (text) blocks.push({ kind: "text", text });
      continue;
    }
    const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      flush();
      const text = tidy(inline(atx[2]!));
      if (text) blocks.push({ kind: "heading", level: atx[1]!.length, text });
      continue;
    }
    const setext = /^\s{0,3}(=+|-+)\s*$/.exec(line);
    if (setext && paragraph.length === 1 && !/^\s*[-*+]\s/.test(paragraph[0]!)) {
      const text = tidy(inline(paragraph[0]!));
      paragraph = [];
      if (text) blocks.push({ kind: "heading", level: setext[1]![0] === "=" ? 1 : 2, text });
      continue;
    }
    if (!line.trim() || /^\s*(\*\s*){3,}$|^\s*(-\s*){3,}$|^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(line)) {
      if (!line.trim() || !/\|/.test(line)) flush();
      continue;
    }
    paragraph.push(
      line
        .replace(/^\s*>\s?/, "")
        .replace(/^\s*\|\s*|\s*\|\s*$/g, "")
        .replace(/\s*\|\s*/g, " | "),
    );
  }
  flush();
  return blocks;
}

/** Inline Markdown to text. */
function inline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/g, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/`([^`]+)`/g, "$1")
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, "$1");
}
