import type { Detection } from "../types";
import { isWordChar, lastMatchEnd, textBefore } from "./context";

const OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
const IPV4 = new RegExp(`${OCTET}(?:\\.${OCTET}){3}`, "g");
const IPV6_CANDIDATE = /(?<![\p{L}\p{N}_:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,8}(?:\.\d{1,3}){0,3}/gu;

/** Words after which a dotted quad is a version number ("version 1.2.3.4", "upgraded to 10.0.0.1"). */
const VERSION_WORDS = /\b(?:version|ver|v|release|build|firmware|fw|upgraded?|updated?|downgraded?|bumped?|patch(?:ed)?|sdk)\b/gi;
/** Words after which it is an address; the nearer of the two kinds wins. */
const ADDRESS_WORDS =
  /\b(?:ip|ips|ipv4|host|hostname|addr|address|src|dst|source|destination|server|client|remote|peer|gateway|gw|dns|nameserver|proxy|bound|listen(?:ing)?|from|to)\b/gi;

function isVersionContext(text: string, start: number): boolean {
  const before = textBefore(text, start, 40);
  const version = lastMatchEnd(before, VERSION_WORDS);
  if (version < 0) return false;
  return lastMatchEnd(before, ADDRESS_WORDS) < version;
}

/** `10.0.0.0/8`, `2001:db8::/32`: a network (prefix shorter than a host's), not somebody's address. */
function isNetwork(text: string, end: number, hostBits: number): boolean {
  const prefix = /^\/(\d{1,3})(?!\d)/.exec(text.slice(end, end + 5));
  return prefix !== null && Number(prefix[1]) < hostBits;
}

/** Eight groups, or fewer with one `::`; the last two groups may be a dotted IPv4 address. */
export function ipv6Valid(value: string): boolean {
  const halves = value.split("::");
  if (halves.length > 2 || value === "::") return false;
  const groups = halves.map((h) => (h === "" ? [] : h.split(":")));
  const all = groups.flat();
  let width = all.length;
  const last = all[all.length - 1];
  if (last?.includes(".")) {
    if (!new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(last)) return false;
    all.pop();
    width += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? width < 8 : width === 8;
}

/**
 * IPv4 (four octets 0-255 without leading zeros, not part of a longer dotted number, not after
 * `Product/` as in user agents, not a version by the words before it) and IPv6 (full, compressed,
 * with an IPv4 tail); not a network in CIDR notation. A port stays outside the span.
 */
export function detectIps(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(IPV4)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1];
    if (isWordChar(before) || before === "." || before === ":" || before === "-") continue;
    if (before === "/" && isWordChar(text[start - 2])) continue;
    if (
      isWordChar(text[end]) ||
      (text[end] === "." && /\d/.test(text[end + 1] ?? "")) ||
      (text[end] === "-" && /[\p{L}\p{N}]/u.test(text[end + 1] ?? ""))
    )
      continue;
    if (isVersionContext(text, start) || isNetwork(text, end, 32)) continue;
    found.push({ start, end, type: "ip", key: m[0], specificity: 3 });
  }
  for (const m of text.matchAll(IPV6_CANDIDATE)) {
    let value = m[0].replace(/\.+$/, "");
    if (value.endsWith(":") && !value.endsWith("::")) value = value.slice(0, -1);
    const start = m.index;
    const end = start + value.length;
    if (isWordChar(text[start - 1]) || isWordChar(text[end])) continue;
    if (!ipv6Valid(value) || isNetwork(text, end, 128)) continue;
    found.push({ start, end, type: "ip", key: value.toLowerCase(), specificity: 3 });
  }
  return found;
}
