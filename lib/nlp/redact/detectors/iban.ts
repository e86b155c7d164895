import type { Detection } from "../types";
import { isWordChar } from "./context";

/** IBAN length per country (ISO 13616 registry). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** ISO 7064 mod 97-10 over the rearranged IBAN (letters as 10..35): valid when the remainder is 1. */
export function ibanChecksumValid(iban: string): boolean {
  const compact = iban.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTHS[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = ch >= "A" ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

const START = /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?=[ ]?[A-Za-z0-9])/gu;

/**
 * IBANs, compact or in groups separated by single spaces: a known country, exactly that country's
 * length, ending at a word boundary, and a valid mod-97 check.
 */
export function detectIbans(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(START)) {
    const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
    if (!length) continue;
    let compact = "";
    let i = m.index;
    while (i < text.length && compact.length < length) {
      const ch = text[i];
      if (/[A-Za-z0-9]/.test(ch)) compact += ch;
      else if (!(ch === " " && compact.length >= 4 && /[A-Za-z0-9]/.test(text[i + 1] ?? ""))) break;
      i++;
    }
    if (compact.length !== length || isWordChar(text[i])) continue;
    if (!ibanChecksumValid(compact)) continue;
    found.push({ start: m.index, end: i, type: "iban", key: compact.toUpperCase(), specificity: 3 });
  }
  return found;
}
