import type { Detection } from "../types";
import { isWordChar } from "./context";

/**
 * Sex (1, 2, or 7, 8 for temporary numbers), year, month (01-12, or 20-42 / 50-99 when unknown),
 * département (2 digits, 2A, 2B), commune, order, key; compact or spaced 1 2 2 2 3 3 2.
 */
const NIR = /([1278])( ?)(\d{2})\2(0[1-9]|1[0-2]|[2-4]\d|[5-9]\d)\2(\d{2}|2[AB])\2(\d{3})\2(\d{3})\2(\d{2})/g;

/** Key = 97 - (the 13 characters mod 97), with 2A read as 19 and 2B as 18 (Corsica). */
export function nirValid(nir: string): boolean {
  const compact = nir.replace(/\s+/g, "");
  if (!/^[1278]\d{4}(\d{2}|2[AB])\d{8}$/.test(compact)) return false;
  const body = compact
    .slice(0, 13)
    .replace(/2A(?=\d{6}$)/, "19")
    .replace(/2B(?=\d{6}$)/, "18");
  const month = Number(compact.slice(3, 5));
  if (month === 0 || (month > 12 && month < 20) || (month > 42 && month < 50)) return false;
  const key = Number(compact.slice(13));
  return key >= 1 && key <= 97 && 97 - Number(BigInt(body) % 97n) === key;
}

/** French social security numbers (NIR). */
export function detectFrNirs(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(NIR)) {
    const end = m.index + m[0].length;
    if (isWordChar(text[m.index - 1]) || isWordChar(text[end])) continue;
    if (!nirValid(m[0])) continue;
    found.push({ start: m.index, end, type: "fr_nir", key: m[0].replace(/\s+/g, ""), specificity: 3 });
  }
  return found;
}
