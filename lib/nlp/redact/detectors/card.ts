import type { Detection } from "../types";
import { isEmbedded } from "./context";

/** The Luhn (mod 10) check over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

type Scheme = { name: string; prefix: (n: number, digits: string) => boolean; lengths: readonly number[] };

const between = (digits: string, size: number, low: number, high: number) => {
  const p = Number(digits.slice(0, size));
  return p >= low && p <= high;
};

/** Issuer ranges (IIN) and lengths of the card networks; other numbers are not payment cards. */
const SCHEMES: readonly Scheme[] = [
  { name: "visa", prefix: (_, d) => d.startsWith("4"), lengths: [13, 16, 19] },
  { name: "mastercard", prefix: (_, d) => between(d, 2, 51, 55) || between(d, 4, 2221, 2720), lengths: [16] },
  { name: "amex", prefix: (_, d) => d.startsWith("34") || d.startsWith("37"), lengths: [15] },
  { name: "discover", prefix: (_, d) => d.startsWith("6011") || d.startsWith("65") || between(d, 3, 644, 649), lengths: [16, 17, 18, 19] },
  { name: "jcb", prefix: (_, d) => between(d, 4, 3528, 3589), lengths: [16, 17, 18, 19] },
  {
    name: "diners",
    prefix: (_, d) => between(d, 3, 300, 305) || d.startsWith("309") || d.startsWith("36") || d.startsWith("38") || d.startsWith("39"),
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: "unionpay", prefix: (_, d) => d.startsWith("62"), lengths: [16, 17, 18, 19] },
  { name: "maestro", prefix: (_, d) => d.startsWith("50") || between(d, 2, 56, 69), lengths: [13, 14, 15, 16, 17, 18, 19] },
  { name: "mir", prefix: (_, d) => between(d, 4, 2200, 2204), lengths: [16, 17, 18, 19] },
];

export function cardScheme(digits: string): string | undefined {
  return SCHEMES.find((s) => s.lengths.includes(digits.length) && s.prefix(digits.length, digits))?.name;
}

/** Groupings people write cards in: one block, blocks of four (the last may be shorter), 4-6-5 / 4-6-4. */
function groupingValid(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  const sizes = groups.map((g) => g.length);
  if (sizes.slice(0, -1).every((s) => s === 4) && sizes[sizes.length - 1] >= 1 && sizes[sizes.length - 1] <= 4) return true;
  return sizes.length === 3 && sizes[0] === 4 && sizes[1] === 6 && (sizes[2] === 5 || sizes[2] === 4);
}

const RUN = /\d+(?:([ \-])\d+(?:\1\d+)*)?/g;

/**
 * Payment card numbers: 13-19 digits, contiguous or grouped with one kind of separator, a known
 * issuer range and length, and a valid Luhn check digit. Inside a longer run of groups the
 * longest valid stretch of whole groups at its start or its end is taken.
 */
export function detectCards(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(RUN)) {
    if (isEmbedded(text, m.index, m.index + m[0].length)) continue;
    const separator = m[1] ?? "";
    const groups = separator ? m[0].split(separator) : [m[0]];
    const offsets: number[] = [];
    let at = m.index;
    for (const g of groups) {
      offsets.push(at);
      at += g.length + separator.length;
    }
    const stretches: [number, number][] = [];
    for (let to = 1, digits = 0; to <= groups.length && (digits += groups[to - 1].length) <= 19; to++) stretches.push([0, to]);
    for (let from = groups.length - 1, digits = 0; from > 0 && (digits += groups[from].length) <= 19; from--)
      stretches.push([from, groups.length]);
    const valid = stretches.filter(([from, to]) => {
      const part = groups.slice(from, to);
      const digits = part.join("");
      return digits.length >= 13 && groupingValid(part) && luhnValid(digits) && cardScheme(digits) !== undefined;
    });
    const best = valid.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]).map(([from, to]) => ({ from, to }))[0];
    if (!best) continue;
    const start = offsets[best.from];
    const end = offsets[best.to - 1] + groups[best.to - 1].length;
    found.push({ start, end, type: "card", key: groups.slice(best.from, best.to).join(""), specificity: 3 });
  }
  return found;
}
