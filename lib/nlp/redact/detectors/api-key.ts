import type { Detection } from "../types";
import { looksRandom } from "./entropy";

const TOKEN_CHAR = "[A-Za-z0-9_\\-]";
const bounded = (body: string) => new RegExp(`(?<![A-Za-z0-9_\\-])(?:${body})(?!${TOKEN_CHAR})`, "g");

/** Credentials recognised by their issuer's prefix and shape. */
const KNOWN: readonly RegExp[] = [
  bounded("sk-(?:proj-|svcacct-|admin-|ant-(?:api|admin)\\d{2}-)?[A-Za-z0-9_\\-]{20,}"), // OpenAI, Anthropic
  bounded("(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{20,}"), // Stripe
  bounded("gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}"), // GitHub
  bounded("xox[abposr]-[A-Za-z0-9\\-]{10,}|xapp-\\d-[A-Za-z0-9\\-]{10,}"), // Slack
  bounded("(?:AKIA|ASIA)[A-Z0-9]{16}"), // AWS access key id
  bounded("AIza[0-9A-Za-z_\\-]{35}"), // Google
  bounded("glpat-[A-Za-z0-9_\\-]{20,}"), // GitLab
  bounded("npm_[A-Za-z0-9]{36}"), // npm
  bounded("hf_[A-Za-z0-9]{30,}"), // Hugging Face
  bounded("SG\\.[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43}"), // SendGrid
  /(?<![A-Za-z0-9_\-.])eyJ[A-Za-z0-9_\-]{5,}\.eyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*(?![A-Za-z0-9_\-.])/g, // JWT
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----/g,
];

/** `Authorization: Bearer <token>` / `Basic <credentials>`: the token, when it is not a plain word. */
const AUTH_SCHEME = /\b(Bearer|Basic)\s+([A-Za-z0-9._~+/\-]{16,}=*)(?![A-Za-z0-9._~+/=\-])/g;

/** `password: ...`, `"client_secret": "..."`, `API_TOKEN=...`: the value after a secret-like name. */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.\-])[A-Za-z0-9_.\-]{0,40}?(?:password|passwd|pwd|passphrase|secret|token|apikey|(?:api|access|private|auth|secret|encryption|signing|master|session|client|app|license|webhook)[_\-]?key)["']?\s*(?::|=|=>)\s*["']?([^\s"'`,;<>]{8,})/gi;

/** The password in a URL's userinfo (`scheme://user:password@host`). */
const URL_PASSWORD = /\b[a-z][a-z0-9+.\-]{0,30}:\/\/[^\s:@/]+:([^\s@/]+)@/gi;

/** Candidates for the entropy rule: 32+ characters of the base64 / base64url alphabets. */
const HIGH_ENTROPY = /(?<![A-Za-z0-9+/_\-])[A-Za-z0-9+/_\-]{32,}={0,2}(?![A-Za-z0-9+/=_\-])/g;
/** A digest label right before a candidate (`SHA256:...` fingerprints are public). */
const DIGEST_BEFORE = /(?:sha\d*|md5|base64,)[:=]?$/i;
const URL = /\b[a-z][a-z0-9+.\-]{0,30}:\/\/[^\s"'<>`]+/gi;

/** An assigned value that is a reference or placeholder, or a plain word or number. */
function isPlainValue(value: string): boolean {
  if (/^(?:\$|%|\{\{|<|\*{3})/.test(value) || /^(?:null|none|true|false|undefined|required|optional|redacted|changeme|\*+)$/i.test(value))
    return true;
  if (/^\d+$/.test(value) || /^[a-z]+$/.test(value) || /^[A-Z]+$/.test(value) || /^[a-z_\-.]+$/.test(value)) return true;
  return false;
}

function push(found: Detection[], start: number, value: string, specificity: number) {
  found.push({ start, end: start + value.length, type: "api_key", key: value, specificity });
}

/**
 * API keys, tokens and passwords: known issuer prefixes (specificity 3), bearer/basic credentials,
 * values assigned to secret-like names and URL passwords (2), and any other random-looking
 * 32+ character string (1, see `looksRandom`) outside URLs and digests: hex digests, git SHAs,
 * UUIDs and ids in URL paths are identifiers, taken only when assigned to a secret-like name.
 */
export function detectApiKeys(text: string): Detection[] {
  const found: Detection[] = [];
  for (const pattern of KNOWN) for (const m of text.matchAll(pattern)) push(found, m.index, m[0], 3);
  for (const m of text.matchAll(AUTH_SCHEME)) {
    const token = m[2];
    if (!/\d/.test(token) && !(/[a-z]/.test(token) && /[A-Z]/.test(token))) continue;
    if (m[1] === "Basic" && !/authorization\s*:\s*$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    push(found, m.index + m[0].length - token.length, token, 2);
  }
  for (const m of text.matchAll(ASSIGNMENT)) {
    const value = m[1].replace(/[)}\].]+$/, "");
    if (value.length < 8 || isPlainValue(value)) continue;
    push(found, m.index + m[0].length - m[1].length, value, 2);
  }
  for (const m of text.matchAll(URL_PASSWORD)) push(found, m.index + m[0].length - 1 - m[1].length, m[1], 2);
  const urls = [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length]);
  for (const m of text.matchAll(HIGH_ENTROPY)) {
    if (DIGEST_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (urls.some(([from, to]) => m.index < to && from < m.index + m[0].length)) continue;
    if (looksRandom(m[0])) push(found, m.index, m[0], 1);
  }
  return found;
}
