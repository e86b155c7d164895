/** Percent-decoding that never throws: a malformed escape (`%E0%A4%A`) answers null. */
export function tryDecodeURIComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
