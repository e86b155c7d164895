/**
 * IP addresses as the outbound policy sees them: parsed from every literal form a resolver or URL
 * parser accepts, and classified by the ranges a tenant's connection must never reach.
 * Pure functions, no I/O (lib/env.ts validates AOS_OUTBOUND_ALLOW with them).
 */

export type Ip = { version: 4 | 6; value: bigint };

export type AddressClass =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "shared"
  | "link-local"
  | "metadata"
  | "multicast"
  | "broadcast"
  | "reserved";

/**
 * An IP literal in any form: dotted IPv4, the legacy inet_aton forms resolvers still accept
 * (`127.1`, `0x7f.1`, `017700000001`, `2130706433`), IPv6 with or without brackets and zone.
 * null when `host` is not an IP literal (a DNS name), or is a malformed one.
 */
export function parseIp(host: string): Ip | null {
  let text = host.trim().toLowerCase();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  if (text.includes(":")) return parseIpv6(text);
  if (text.endsWith(".")) text = text.slice(0, -1);
  const v4 = parseLegacyIpv4(text);
  return v4 === null ? null : { version: 4, value: v4 };
}

/** Whether `host` has the shape of a numeric IPv4 literal (every label a number), valid or not. */
export function looksNumeric(host: string): boolean {
  const text = host.trim().toLowerCase().replace(/\.$/, "");
  return text !== "" && text.split(".").every((part) => /^(0x[0-9a-f]*|[0-9]+)$/.test(part));
}

/** WHATWG / inet_aton IPv4: 1 to 4 parts, each decimal, 0x-hex or 0-octal; the last fills the rest. */
function parseLegacyIpv4(text: string): bigint | null {
  if (!looksNumeric(text)) return null;
  const parts = text.split(".");
  if (parts.length > 4) return null;
  const numbers: bigint[] = [];
  for (const part of parts) {
    let n: bigint;
    if (/^0x[0-9a-f]*$/.test(part)) n = part === "0x" ? 0n : BigInt(part);
    else if (/^0[0-7]+$/.test(part)) n = BigInt(`0o${part.slice(1)}`);
    else if (/^(0|[1-9][0-9]*)$/.test(part)) n = BigInt(part);
    else return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255n)) return null;
  const lastBits = BigInt(8 * (4 - numbers.length));
  if (last >= 1n << lastBits) return null;
  let value = 0n;
  for (const n of numbers) value = (value << 8n) | n;
  return (value << lastBits) | last;
}

function parseIpv6(input: string): Ip | null {
  const text = input.replace(/%[^%]*$/, ""); // a zone (`fe80::1%eth0`) does not change the class
  if (!/^[0-9a-f:.]+$/.test(text) || text.split("::").length > 2) return null;
  let groups: number[] = [];
  const [head, tail] = text.split("::") as [string, string | undefined];
  const parse = (side: string): number[] | null => {
    if (side === "") return [];
    const out: number[] = [];
    const pieces = side.split(":");
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes(".")) {
        if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(piece)) return null;
        const bytes = piece.split(".").map(Number);
        if (bytes.some((b) => b > 255)) return null;
        out.push((bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!);
      } else {
        if (!/^[0-9a-f]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  if (!left || !right) return null;
  if (tail === undefined) {
    if (left.length !== 8) return null;
    groups = left;
  } else {
    const missing = 8 - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...Array<number>(missing).fill(0), ...right];
  }
  return { version: 6, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n) };
}

export function formatIp(ip: Ip): string {
  if (ip.version === 4) return [24n, 16n, 8n, 0n].map((s) => String((ip.value >> s) & 255n)).join(".");
  const groups = Array.from({ length: 8 }, (_, i) => Number((ip.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // The longest run of zero groups (2 or more) becomes `::`.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.length < 2) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

export type Cidr = { version: 4 | 6; base: bigint; prefix: number };

/** `10.0.0.0/8`, `fd00::/8`, or a single address (`/32`, `/128`). null when malformed. */
export function parseCidr(text: string): Cidr | null {
  const [address, prefixText, extra] = text.trim().split("/");
  if (extra !== undefined || !address) return null;
  const ip = parseIp(address);
  if (!ip) return null;
  const bits = ip.version === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return null;
  return { version: ip.version, base: ip.value & mask(bits, prefix), prefix };
}

export function inCidr(ip: Ip, cidr: Cidr): boolean {
  const bits = cidr.version === 4 ? 32 : 128;
  return ip.version === cidr.version && (ip.value & mask(bits, cidr.prefix)) === cidr.base;
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

const cidrs = (entries: [string, AddressClass][]) => entries.map(([text, kind]) => ({ cidr: parseCidr(text)!, kind }));

/** Most specific first: the first range that holds the address gives its class. */
const IPV4_RANGES = cidrs([
  ["169.254.169.254/32", "metadata"],
  ["255.255.255.255/32", "broadcast"],
  ["0.0.0.0/8", "unspecified"],
  ["10.0.0.0/8", "private"],
  ["100.64.0.0/10", "shared"],
  ["127.0.0.0/8", "loopback"],
  ["169.254.0.0/16", "link-local"],
  ["172.16.0.0/12", "private"],
  ["192.0.0.0/24", "reserved"],
  ["192.0.2.0/24", "reserved"],
  ["192.88.99.0/24", "reserved"],
  ["192.168.0.0/16", "private"],
  ["198.18.0.0/15", "reserved"],
  ["198.51.100.0/24", "reserved"],
  ["203.0.113.0/24", "reserved"],
  ["224.0.0.0/4", "multicast"],
  ["240.0.0.0/4", "reserved"],
]);

const IPV6_RANGES = cidrs([
  ["fd00:ec2::254/128", "metadata"],
  ["::/128", "unspecified"],
  ["::1/128", "loopback"],
  ["64:ff9b:1::/48", "reserved"], // local-use NAT64: where the IPv4 address sits varies
  ["100::/64", "reserved"],
  ["2001::/32", "reserved"], // Teredo: the IPv4 address inside is obscured
  ["2001:db8::/32", "reserved"],
  ["fc00::/7", "private"],
  ["fec0::/10", "private"],
  ["fe80::/10", "link-local"],
  ["ff00::/8", "multicast"],
]);

/** IPv6 forms that carry an IPv4 address, classified as that address: mapped, compatible, NAT64, 6to4. */
const EMBEDDED_IPV4: { cidr: Cidr; shift: bigint }[] = [
  { cidr: parseCidr("::ffff:0:0/96")!, shift: 0n },
  { cidr: parseCidr("::/96")!, shift: 0n },
  { cidr: parseCidr("64:ff9b::/96")!, shift: 0n },
  { cidr: parseCidr("2002::/16")!, shift: 80n },
];

/** The IPv4 address an IPv6 address stands for, when it is one of the embedding forms. */
export function embeddedIpv4(ip: Ip): Ip | null {
  if (ip.version !== 6) return null;
  for (const { cidr, shift } of EMBEDDED_IPV4) {
    if (inCidr(ip, cidr)) return { version: 4, value: (ip.value >> shift) & 0xffffffffn };
  }
  return null;
}

export function classifyIp(ip: Ip): AddressClass {
  if (ip.version === 6) {
    // `::` and `::1` sit inside the IPv4-compatible range; they are themselves first.
    for (const { cidr, kind } of IPV6_RANGES.slice(0, 3)) if (inCidr(ip, cidr)) return kind;
    const v4 = embeddedIpv4(ip);
    if (v4) return classifyIp(v4);
  }
  for (const { cidr, kind } of ip.version === 4 ? IPV4_RANGES : IPV6_RANGES) if (inCidr(ip, cidr)) return kind;
  return "public";
}
