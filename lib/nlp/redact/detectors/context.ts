/** Letters, digits (any script) and `_`: a character that continues a word or an identifier. */
export const WORD_CHAR = /[\p{L}\p{N}_]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

/** The `window` characters before `index`, for keyword checks ("SSN", "tel", "version" ...). */
export function textBefore(text: string, index: number, window: number): string {
  return text.slice(Math.max(0, index - window), index);
}

/** Where the last match of `pattern` (which must have the `g` flag) ends in `text`, or -1. */
export function lastMatchEnd(text: string, pattern: RegExp): number {
  let end = -1;
  for (const m of text.matchAll(pattern)) end = m.index + m[0].length;
  return end;
}

/**
 * A number glued to something else: preceded by a word character, or by `-./:#` that follows a
 * word character (`ORD-2024-...`, `v1.2`, `#123`), or followed by a word character or by `-./:,`
 * and a digit (`1.249,00`, `...-beta`).
 */
export function isEmbedded(text: string, start: number, end: number): boolean {
  const before = text[start - 1];
  if (isWordChar(before)) return true;
  if (before === "#" || before === "@") return true;
  if (before !== undefined && "-./:".includes(before) && isWordChar(text[start - 2])) return true;
  const after = text[end];
  if (isWordChar(after)) return true;
  if (after !== undefined && "-./:,".includes(after) && /[\p{L}\p{N}]/u.test(text[end + 1] ?? "")) return true;
  return false;
}

export function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}
