import type { Detection } from "../types";
import { isWordChar } from "./context";

/** Digits replaced by letters in homocodic codes (omocodia): L=0, M=1, N=2, P=3 ... V=9. */
const OMOCODIA = "LMNPQRSTUV";
const D = "[0-9LMNPQRSTUV]";
const CF = new RegExp(`[A-Z]{6}${D}{2}[ABCDEHLMPRST]${D}{2}[A-Z]${D}{3}[A-Z]`, "g");

const ODD: Record<string, number> = Object.fromEntries(
  [..."0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"].map((ch, i) => [
    ch,
    [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][i],
  ]),
);

function decodeDigits(s: string): string {
  return [...s].map((ch) => (OMOCODIA.includes(ch) ? String(OMOCODIA.indexOf(ch)) : ch)).join("");
}

/** The check letter (odd positions by the conversion table, even ones by value, sum mod 26) and a day of 1-31 or 41-71. */
export function fiscalCodeValid(code: string): boolean {
  const cf = code.toUpperCase();
  if (!new RegExp(`^${CF.source}$`).test(cf)) return false;
  const day = Number(decodeDigits(cf.slice(9, 11)));
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const ch = cf[i];
    sum += i % 2 === 0 ? ODD[ch] : ch <= "9" ? Number(ch) : ch.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === cf[15];
}

/** Italian codici fiscali of people (16 characters, upper case). */
export function detectItFiscalCodes(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(CF)) {
    const end = m.index + m[0].length;
    if (isWordChar(text[m.index - 1]) || isWordChar(text[end])) continue;
    if (!fiscalCodeValid(m[0])) continue;
    found.push({ start: m.index, end, type: "it_fiscal_code", key: m[0], specificity: 3 });
  }
  return found;
}
