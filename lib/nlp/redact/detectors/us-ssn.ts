import type { Detection } from "../types";
import { isEmbedded, lastMatchEnd, textBefore } from "./context";

const SSN = /(\d{3})([- ]?)(\d{2})\2(\d{4})/g;
const SSN_CONTEXT = /\b(?:ssn|ss#|ss\s?no|social\s+security|soc\.?\s*sec)/gi;
/** Labels under which a dashed 3-2-4 number is a part or reference number, not an SSN. */
const OTHER_CONTEXT =
  /\b(?:part|parts|sku|item|model|order|invoice|ref|reference|serial|catalog|cat|po|ticket|case|tracking|batch|lot|account|acct|routing|bin)\b[^\n;]{0,30}$/i;

/** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000. */
export function ssnValid(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== "00" && serial !== "0000";
}

/**
 * US Social Security numbers. `123-45-6789` is taken unless a part/order/reference label comes
 * just before; `123 45 6789` and `123456789` only after an SSN keyword ("SSN", "social security").
 */
export function detectUsSsns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(SSN)) {
    const [value, area, separator, group, serial] = m;
    if (isEmbedded(text, m.index, m.index + value.length)) continue;
    if (!ssnValid(area, group, serial)) continue;
    const before = textBefore(text, m.index, 40);
    const hasKeyword = lastMatchEnd(before, SSN_CONTEXT) >= 0;
    if (separator === "-" ? !hasKeyword && OTHER_CONTEXT.test(textBefore(text, m.index, 40)) : !hasKeyword) continue;
    found.push({ start: m.index, end: m.index + value.length, type: "us_ssn", key: area + group + serial, specificity: 3 });
  }
  return found;
}
