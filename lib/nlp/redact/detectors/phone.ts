import type { Detection } from "../types";
import { isEmbedded, lastMatchEnd, textBefore } from "./context";

/** Digit groups joined by one separator (space, `-`, `.`, `/`, parentheses, a `(0)` trunk), optionally after `+`. */
const RUN = /(?:\+|\(\+?)?\d+(?:(?:[ \u00a0]?(?:\(0\)|[\-./()])[ \u00a0]?|[ \u00a0])\(?\d+\)?)*/g;
const PHONE_WORDS =
  /\b(?:tel|tél|tele?phone|telefon|telefono|teléfono|téléphone|telefoon|phone|ph|mobile?|mobil|móvil|movil|cell|cellphone|cellulare|portable|handy|gsm|fax|call|sms|whatsapp|hotline|contact|reach|rufnummer|llame|chiami|appelez)\b/giu;

type Shape = { digits: string; groups: number[]; separators: string[]; international: boolean };

function shapeOf(value: string): Shape {
  const international = value.startsWith("+") || value.startsWith("(+") || /^00[1-9]/.test(value);
  const plain = value.replace(/\(0\)/g, " ");
  const groups = (plain.match(/\d+/g) ?? []).map((g) => g.length);
  const separators = plain
    .split(/\d+/)
    .slice(1, -1)
    .map((s) => s.trim() || " ");
  let digits = plain.replace(/\D/g, "");
  if (value.startsWith("00")) digits = digits.slice(2);
  return { digits, groups, separators, international };
}

/** 2024-01-31, 31.01.2024, 01/31/24: three groups of 4-2-2 / 2-2-4 / 2-2-2 with `-./` or spaces. */
function looksLikeDate({ groups, separators }: Shape): boolean {
  if (groups.length !== 3 || !separators.every((s) => s === separators[0] && /^[\-./ ]$/.test(s))) return false;
  const [a, b, c] = groups;
  return (a === 4 && b <= 2 && c <= 2) || (a <= 2 && b <= 2 && (c === 4 || c === 2));
}

function isNanp(shape: Shape, value: string): boolean {
  const groups = shape.groups[0] === 1 && shape.digits.startsWith("1") ? shape.groups.slice(1) : shape.groups;
  const digits = groups.length < shape.groups.length ? shape.digits.slice(1) : shape.digits;
  if (groups.join() !== "3,3,4" || !/^[2-9]\d\d[2-9]/.test(digits)) return false;
  return (
    /^(?:1[ \-.])?\(\d{3}\)/.test(value) ||
    shape.separators.every((s) => s === shape.separators[shape.separators.length - 1] && /^[\-. ]$/.test(s))
  );
}

/** Drops an unmatched closing parenthesis at the end or opening one at the start. */
function balance(value: string, start: number): { value: string; start: number } {
  const open = (value.match(/\(/g) ?? []).length;
  const close = (value.match(/\)/g) ?? []).length;
  if (close > open && value.endsWith(")")) return { value: value.slice(0, -1), start };
  if (open > close && value.startsWith("(")) return { value: value.slice(1), start: start + 1 };
  return { value, start };
}

/**
 * Phone numbers. Taken when international (`+` or `00` and a country code, 8-15 digits), North
 * American (3-3-4 with a valid area code and exchange, optional leading 1), national with a trunk
 * 0 and separators (10-11 digits), or any 7-15 digit number within 30 characters after a phone
 * word ("tel", "mobile", "call", "Telefon" ...). Never a date, a decimal, or part of an id.
 */
export function detectPhones(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(RUN)) {
    const { value, start } = balance(m[0], m.index);
    const end = start + value.length;
    if (isEmbedded(text, start, end)) continue;
    const shape = shapeOf(value);
    const count = shape.digits.length;
    if (looksLikeDate(shape) || (shape.groups.length === 2 && shape.separators[0] === ".")) continue;
    const international = shape.international && count >= 8 && count <= 15 && shape.digits[0] !== "0";
    const trunk =
      !shape.international &&
      /^0[1-9]/.test(shape.digits) &&
      shape.groups.length >= 2 &&
      count >= 10 &&
      count <= 11 &&
      shape.groups[0] >= 2 &&
      shape.groups[0] <= 5;
    const context = count >= 7 && count <= 15 && lastMatchEnd(textBefore(text, start, 30), PHONE_WORDS) >= 0;
    if (!international && !trunk && !isNanp(shape, value) && !context) continue;
    found.push({ start, end, type: "phone", key: shape.digits, specificity: 2 });
  }
  return found;
}
