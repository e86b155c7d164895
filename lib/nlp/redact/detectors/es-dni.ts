import type { Detection } from "../types";
import { isWordChar } from "./context";

const LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
const DNI = /(\d{8}|[XYZ]\d{7})-?([A-Z])/g;

/** DNI: the letter is LETTERS[number mod 23]; NIE: X, Y, Z stand for 0, 1, 2 first. */
export function dniValid(value: string): boolean {
  const m = /^(\d{8}|[XYZ]\d{7})-?([A-Z])$/.exec(value);
  if (!m) return false;
  const number = Number(m[1].replace(/^[XYZ]/, (p) => String("XYZ".indexOf(p))));
  return LETTERS[number % 23] === m[2];
}

/** Spanish DNI / NIF (`12345678Z`) and NIE (`X1234567L`), upper case, optional dash before the letter. */
export function detectEsDnis(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(DNI)) {
    const end = m.index + m[0].length;
    if (isWordChar(text[m.index - 1]) || isWordChar(text[end])) continue;
    if (!dniValid(m[0])) continue;
    found.push({ start: m.index, end, type: "es_dni", key: m[0].replace("-", ""), specificity: 3 });
  }
  return found;
}
