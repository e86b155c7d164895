import { env } from "@/lib/env";
import { formatIp, inCidr, parseCidr, parseIp, type Cidr, type Ip } from "@/lib/net/address";

const MAX_HOP_LENGTH = 64;
const IPV4_MAPPED = parseCidr("::ffff:0:0/96")!;

/**
 * The client address that per-address limits count, from X-Forwarded-For: the rightmost hop that is
 * not a trusted proxy (AOS_TRUSTED_PROXIES). Hops to its left were written by the client or by
 * proxies nobody vouches for, so a forged first hop is never read.
 *
 * Next.js does not give route handlers the socket's peer address: `next start` writes the peer into
 * X-Forwarded-For only when the request carries none. So with no proxy in front, a client that
 * sends the header itself chooses the address it is counted under; behind a proxy that appends or
 * overwrites the header, the rightmost untrusted hop is the address the proxy saw. Per-account
 * limits never depend on this address.
 */
export function clientAddressOf(headers: Headers, trustedProxies: readonly Cidr[] = env.trustedProxies): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim().slice(0, MAX_HOP_LENGTH))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = parseHop(hops[i]);
    if (!ip) return hops[i].toLowerCase();
    if (!trustedProxies.some((cidr) => inCidr(ip, cidr)) || i === 0) return formatIp(ip);
  }
  return "unknown";
}

/** `1.2.3.4`, `1.2.3.4:5678`, `::1`, `[::1]:80`, `::ffff:1.2.3.4` (as 1.2.3.4); null for anything else. */
function parseHop(hop: string): Ip | null {
  const text = /^\[([^\]]+)\](?::\d+)?$/.exec(hop)?.[1] ?? hop.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  const ip = parseIp(text);
  if (ip && inCidr(ip, IPV4_MAPPED)) return { version: 4, value: ip.value & 0xffffffffn };
  return ip;
}
