import { detectPii, type DetectPiiOptions } from "./detect";
import { emptyCounts, type PiiCounts, type PiiSpan, type PiiType } from "./types";

export type RedactOptions = DetectPiiOptions;
export type RedactResult = { text: string; spans: PiiSpan[]; counts: PiiCounts };

export type Redactor = {
  /**
   * Redacts one text; spans are offsets into that text. `context` (a field name, a label) is
   * read in front of the text by detectors that need it and is never redacted or returned.
   */
  redact(text: string, context?: string): RedactResult;
  /** Every redaction so far, per type. */
  counts(): PiiCounts;
};

/**
 * A redactor whose placeholders stay consistent across every text it is given: the same value
 * (by its normalised key: digits of a phone, lower-cased email, the full name of a person) always
 * becomes the same `[EMAIL_1]`, `[PERSON_2]` ..., numbered per type in order of first appearance.
 */
export function createRedactor(options: RedactOptions = {}): Redactor {
  const placeholders = new Map<string, string>();
  const next = emptyCounts();
  const total = emptyCounts();
  const placeholderFor = (type: PiiType, key: string) => {
    const id = `${type}\u0000${key}`;
    let placeholder = placeholders.get(id);
    if (!placeholder) {
      next[type] += 1;
      placeholder = `[${type.toUpperCase()}_${next[type]}]`;
      placeholders.set(id, placeholder);
    }
    return placeholder;
  };
  return {
    redact(text, context = "") {
      const detections = detectPii(context + text, options)
        .filter((d) => d.start >= context.length)
        .map((d) => ({ ...d, start: d.start - context.length, end: d.end - context.length }));
      const counts = emptyCounts();
      let out = "";
      let at = 0;
      for (const d of detections) {
        out += text.slice(at, d.start) + placeholderFor(d.type, d.key);
        at = d.end;
        counts[d.type] += 1;
        total[d.type] += 1;
      }
      out += text.slice(at);
      return { text: out, spans: detections.map(({ start, end, type }) => ({ start, end, type })), counts };
    },
    counts: () => ({ ...total }),
  };
}

/** Redacts one text with fresh placeholders. */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  return createRedactor(options).redact(text);
}
