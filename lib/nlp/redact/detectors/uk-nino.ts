import type { Detection } from "../types";
import { isWordChar } from "./context";

/**
 * First letter not D, F, I, Q, U or V; second not D, F, I, O, Q, U or V; six digits; suffix A-D.
 * Written compact (`AB123456C`) or spaced (`AB 12 34 56 C`).
 */
const NINO = /([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])( ?)(\d{2})\2(\d{2})\2(\d{2})\2([A-D])/g;
/** Prefixes never issued (BG, GB, KN, NK, NT, TN, ZZ; TN is HMRC's temporary reference). */
const NOT_ISSUED = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);

export function ninoValid(nino: string): boolean {
  const compact = nino.replace(/\s+/g, "");
  const m = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(compact);
  return m !== null && !NOT_ISSUED.has(m[1]);
}

/** UK National Insurance numbers (upper case, as issued). */
export function detectUkNinos(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(NINO)) {
    const end = m.index + m[0].length;
    if (isWordChar(text[m.index - 1]) || isWordChar(text[end])) continue;
    if (!ninoValid(m[0])) continue;
    found.push({ start: m.index, end, type: "uk_nino", key: m[0].replace(/\s+/g, ""), specificity: 3 });
  }
  return found;
}
