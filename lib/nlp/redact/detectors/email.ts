import type { Detection } from "../types";

const EMAIL =
  /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-]|\.[\p{L}\p{N}])/gu;

/** `icon@2x.png`, `logo@3x.svg`: asset names whose "domain" ends in a file extension. */
const FILE_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "ico",
  "css",
  "js",
  "mjs",
  "ts",
  "tsx",
  "json",
  "yaml",
  "yml",
  "html",
  "txt",
  "pdf",
  "lock",
]);

/**
 * Addresses `local@domain.tld`. Not: a local part starting or ending with a dot or holding `..`,
 * asset names (`icon@2x.png`), and SSH remotes (`git@github.com:org/repo.git`, a `:` right after).
 */
export function detectEmails(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const value = m[0];
    const at = value.lastIndexOf("@");
    const local = value.slice(0, at);
    const tld = value.slice(value.lastIndexOf(".") + 1).toLowerCase();
    if (local.startsWith(".") || local.endsWith(".") || local.includes("..")) continue;
    if (FILE_EXTENSIONS.has(tld)) continue;
    const end = m.index + value.length;
    if (text[end] === ":" && /\S/.test(text[end + 1] ?? "")) continue;
    found.push({ start: m.index, end, type: "email", key: value.toLowerCase(), specificity: 3 });
  }
  return found;
}
