import { tryDecodeURIComponent } from "@/lib/http/decode";

/** Where sign-in lands when the requested place is missing or unsafe. */
export const DEFAULT_CALLBACK_PATH = "/control-center";

const MAX_LENGTH = 2048;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is this pattern's purpose
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;
const PROBE_ORIGIN = "http://callback.invalid";
const MAX_DECODINGS = 3;

/**
 * The place to go after sign-in or sign-out, reduced to a path on this site: `/path?query#hash`.
 * Refused (answering DEFAULT_CALLBACK_PATH): `//host`, `/\host` (browsers read `\` as `/`), any
 * percent-encoded form of those, a scheme, control characters (browsers drop tabs and newlines, so
 * `/\t/host` would become `//host`). With `origin`, an absolute URL on exactly that origin is
 * accepted as its path; the browser side passes none, so only paths pass there.
 * Used by the login form and by next-auth's redirect callback.
 */
export function safeCallbackPath(raw: unknown, origin?: string): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return DEFAULT_CALLBACK_PATH;
  const path = origin && !raw.startsWith("/") ? pathOnOrigin(raw, origin) : raw;
  return path !== null && isSafePath(path) ? path : DEFAULT_CALLBACK_PATH;
}

function pathOnOrigin(url: string, origin: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.origin === new URL(origin).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
  } catch {
    return null;
  }
}

function isSafePath(path: string): boolean {
  // Every layer of percent-decoding must still be a plain path, so no escaping hides `//` or `\`.
  let text = path;
  for (let round = 0; ; round++) {
    if (!text.startsWith("/") || text.startsWith("//") || UNSAFE_CHARACTERS.test(text)) return false;
    const decoded = tryDecodeURIComponent(text);
    if (decoded === null || (decoded !== text && round === MAX_DECODINGS)) return false;
    if (decoded === text) break;
    text = decoded;
  }
  try {
    return new URL(path, PROBE_ORIGIN).origin === PROBE_ORIGIN;
  } catch {
    return false;
  }
}
