import { Parser } from "htmlparser2";
import { tidy, type Block } from "./types";

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "button", "select"]);
const BREAKS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "header",
  "footer",
  "aside",
  "li",
  "dt",
  "dd",
  "pre",
  "blockquote",
  "tr",
  "table",
  "ul",
  "ol",
  "dl",
  "figure",
  "figcaption",
  "form",
  "hr",
  "body",
  "caption",
]);

/**
 * HTML (also what DOCX becomes) to blocks: h1-h6 are headings; paragraphs, list items, table rows
 * (cells joined by " | ") and preformatted text are text blocks; scripts, styles, navigation and
 * the head are skipped. Entities are decoded.
 */
export function htmlBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let text = "";
  let heading: number | null = null;
  let skipping = 0;
  let preDepth = 0;
  const flush = () => {
    const clean = preDepth > 0 ? text.replace(/^\n+|\s+$/g, "") : tidy(text);
    if (clean) blocks.push(heading ? { kind: "heading", level: heading, text: tidy(clean) } : { kind: "text", text: clean });
    text = "";
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIPPED.has(name)) skipping++;
        if (skipping) return;
        const level = /^h([1-6])$/.exec(name);
        if (level) {
          flush();
          heading = Number(level[1]);
        } else if (BREAKS.has(name)) flush();
        if (name === "pre") preDepth++;
        if (name === "br") text += "\n";
        if ((name === "td" || name === "th") && text.trim()) text += " | ";
      },
      ontext(data) {
        if (!skipping) text += preDepth > 0 ? data : data.replace(/\s+/g, " ");
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (/^h[1-6]$/.test(name)) {
          flush();
          heading = null;
        } else if (BREAKS.has(name)) flush();
        if (name === "pre") preDepth = Math.max(0, preDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(source);
  parser.end();
  flush();
  return blocks;
}
