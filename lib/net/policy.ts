import "server-only";
import { lookup } from "node:dns/promises";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { classifyIp, formatIp, parseIp, type Ip } from "./address";
import { allowsAddress, allowsHost, normalizeHostName, type AllowList } from "./allow-list";

/**
 * The outbound policy: every connection a tenant's settings point somewhere (connectors, webhooks)
 * goes to an address checked here. The host is resolved once; every address it resolves to must be
 * public, or admitted by AOS_OUTBOUND_ALLOW; the caller then connects to the returned address
 * (never to the name again, so a second DNS answer cannot swap in an internal address).
 *
 * Callers answer every failure here, and every failure to connect, with UNREACHABLE_MESSAGE:
 * whether an address was refused, does not resolve, or has a closed port is written to the log only.
 */
export const UNREACHABLE_MESSAGE = "Could not connect to the source.";

export type Resolved = { address: string; family: number };
export type Resolver = (host: string) => Promise<Resolved[]>;

/** Where to connect: `address` is checked; `servername` is the name to verify TLS certificates against. */
export type CheckedTarget = { host: string; address: string; family: 4 | 6; servername: string | undefined };

/** Refused, or not resolvable. `reason` is for the log, never for a response. */
export class OutboundError extends Error {
  constructor(
    readonly host: string,
    readonly reason: string,
  ) {
    super(`outbound connection to ${host} not made: ${reason}`);
    this.name = "OutboundError";
  }
}

/** Names of cloud metadata services, refused before any lookup. */
const METADATA_NAMES = new Set(["metadata", "metadata.google.internal", "metadata.goog", "instance-data", "instance-data.ec2.internal"]);

const RESOLVE_TIMEOUT_MS = 5_000;

const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

type Options = { resolver?: Resolver; allow?: AllowList };

/** Resolves and checks `host` (a name or IP literal, brackets allowed). Throws OutboundError. */
export async function checkOutbound(
  host: string,
  { resolver = systemResolver, allow = env.outboundAllow }: Options = {},
): Promise<CheckedTarget> {
  try {
    return await resolveChecked(host, resolver, allow);
  } catch (error) {
    const refusal =
      error instanceof OutboundError
        ? error
        : new OutboundError(host, `lookup failed: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    log.warn("outbound connection refused", { host: refusal.host, reason: refusal.reason });
    throw refusal;
  }
}

async function resolveChecked(host: string, resolver: Resolver, allow: AllowList): Promise<CheckedTarget> {
  const literal = parseIp(host);
  if (literal) {
    const address = formatIp(literal);
    refuseUnlessAllowed(host, literal, allow);
    return { host: address, address, family: literal.version, servername: undefined };
  }
  const name = normalizeHostName(host);
  if (!name) throw new OutboundError(host, "not a host name or IP address");
  const named = allowsHost(allow, name);
  if (!named && METADATA_NAMES.has(name)) throw new OutboundError(name, "a cloud metadata service");

  const answers = await withTimeout(resolver(name), RESOLVE_TIMEOUT_MS);
  const addresses = answers.map((a) => parseIp(a.address)).filter((ip): ip is Ip => ip !== null);
  if (addresses.length === 0) throw new OutboundError(name, "no address");
  // One refused address refuses the name: connecting to "the other one" would let DNS pick.
  if (!named) for (const ip of addresses) refuseUnlessAllowed(name, ip, allow);
  const first = addresses[0]!;
  return { host: name, address: formatIp(first), family: first.version, servername: name };
}

function refuseUnlessAllowed(host: string, ip: Ip, allow: AllowList) {
  const kind = classifyIp(ip);
  if (kind !== "public" && !allowsAddress(allow, ip))
    throw new OutboundError(host, `${formatIp(ip)} is ${kind} (not in AOS_OUTBOUND_ALLOW)`);
}

/** Whether AOS_OUTBOUND_ALLOW names the host (exactly or by wildcard), or holds its IP literal. */
export function isAllowListed(host: string, allow: AllowList = env.outboundAllow): boolean {
  const literal = parseIp(host);
  if (literal) return allowsAddress(allow, literal);
  const name = normalizeHostName(host);
  return name !== null && allowsHost(allow, name);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
