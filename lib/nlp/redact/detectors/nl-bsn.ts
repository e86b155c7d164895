import type { Detection } from "../types";
import { isEmbedded, lastMatchEnd, textBefore } from "./context";

const BSN = /\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3}/g;
const BSN_CONTEXT = /\b(?:bsn|burgerservicenummer|sofi-?nummer|citizen\s+service\s+number)\b/gi;

/** The 11-proof: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and the number is not 0). */
export function bsnValid(value: string): boolean {
  const digits = value.replace(/\D/g, "");
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * Dutch citizen service numbers. One 9-digit number in eleven passes the 11-proof by chance, so
 * a number is taken only within 40 characters after "BSN" / "burgerservicenummer" / "sofinummer".
 */
export function detectNlBsns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(BSN)) {
    const end = m.index + m[0].length;
    if (isEmbedded(text, m.index, end) || !bsnValid(m[0])) continue;
    if (lastMatchEnd(textBefore(text, m.index, 40), BSN_CONTEXT) < 0) continue;
    found.push({ start: m.index, end, type: "nl_bsn", key: m[0].replace(/\D/g, ""), specificity: 3 });
  }
  return found;
}
