import { inCidr, looksNumeric, parseCidr, type Cidr, type Ip } from "./address";

/**
 * AOS_OUTBOUND_ALLOW: the internal targets an operator admits on purpose. Comma-separated entries,
 * each a host name (`db.internal`), a subdomain wildcard (`*.corp.example`), an IP address or a
 * CIDR range (`10.1.0.0/16`, `fd00::/8`). A name admits whatever it resolves to; an address or
 * range admits the addresses inside it, whatever name led there.
 */
export type AllowList = { hosts: string[]; suffixes: string[]; cidrs: Cidr[] };

export const EMPTY_ALLOW_LIST: AllowList = { hosts: [], suffixes: [], cidrs: [] };

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/** A DNS host name, lower-cased, without the trailing dot; null when it is not one. */
export function normalizeHostName(host: string): string | null {
  const name = host.trim().toLowerCase().replace(/\.$/, "");
  if (name === "" || name.length > 253 || looksNumeric(name)) return null;
  return name.split(".").every((label) => LABEL.test(label)) ? name : null;
}

/** Parses the variable; throws an Error naming the first entry that is neither a host nor a range. */
export function parseAllowList(text: string | undefined): AllowList {
  const list: AllowList = { hosts: [], suffixes: [], cidrs: [] };
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim();
    if (entry === "") continue;
    const cidr = parseCidr(entry);
    if (cidr) {
      list.cidrs.push(cidr);
      continue;
    }
    const wildcard = entry.startsWith("*.");
    const name = normalizeHostName(wildcard ? entry.slice(2) : entry);
    if (!name) throw new Error(`"${entry}" is not a host name, *.domain, IP address or CIDR range`);
    (wildcard ? list.suffixes : list.hosts).push(name);
  }
  return list;
}

/** Whether the allow-list admits the host name (exactly, or as a subdomain of a wildcard entry). */
export function allowsHost(list: AllowList, name: string): boolean {
  return list.hosts.includes(name) || list.suffixes.some((suffix) => name.endsWith(`.${suffix}`));
}

export function allowsAddress(list: AllowList, ip: Ip): boolean {
  return list.cidrs.some((cidr) => inCidr(ip, cidr));
}
