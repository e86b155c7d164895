import { parseIp } from "@/lib/net/address";
import { normalizeHostName } from "@/lib/net/allow-list";

/**
 * A MongoDB connection string checked against the options a tenant may set. Refused rather than
 * ignored: Unix sockets, options that make the driver read files on the server (tlsCAFile,
 * tlsCertificateKeyFile, tlsCRLFile), authentication mechanisms that use the server's own identity
 * (MONGODB-OIDC and MONGODB-AWS read the machine's tokens and credentials, GSSAPI its Kerberos
 * tickets, MONGODB-X509 a certificate file), authMechanismProperties, proxy settings, and
 * anything unknown. Option names are case-insensitive, as the driver reads them.
 */
const ALLOWED_OPTIONS = new Set(
  [
    "appName",
    "authMechanism",
    "authSource",
    "compressors",
    "connectTimeoutMS",
    "directConnection",
    "heartbeatFrequencyMS",
    "journal",
    "loadBalanced",
    "localThresholdMS",
    "maxIdleTimeMS",
    "maxStalenessSeconds",
    "readConcernLevel",
    "readPreference",
    "readPreferenceTags",
    "replicaSet",
    "retryReads",
    "retryWrites",
    "serverSelectionTimeoutMS",
    "socketTimeoutMS",
    "srvMaxHosts",
    "srvServiceName",
    "ssl",
    "timeoutMS",
    "tls",
    "tlsAllowInvalidCertificates",
    "tlsAllowInvalidHostnames",
    "tlsInsecure",
    "w",
    "waitQueueTimeoutMS",
    "wtimeoutMS",
    "zlibCompressionLevel",
    // Decoding options: the connector sets its own, which win (see CLIENT_OPTIONS).
    "promoteBuffers",
    "promoteLongs",
    "promoteValues",
    "useBigInt64",
  ].map((name) => name.toLowerCase()),
);

const FILE_OPTIONS = new Set(["tlscafile", "tlscertificatekeyfile", "tlscertificatekeyfilepassword", "tlscrlfile"]);
const AUTH_MECHANISMS = new Set(["DEFAULT", "SCRAM-SHA-1", "SCRAM-SHA-256", "PLAIN"]);
const COMPRESSORS = new Set(["none", "zlib"]);

/** The problem with the URL, fit for the person who typed it; null when it is acceptable. */
export function mongoUrlProblem(url: string): string | null {
  const match = /^(mongodb(?:\+srv)?):\/\/(?:[^@/?#]*@)?([^/?#]*)(\/[^?#]*)?(?:\?([^#]*))?$/.exec(url);
  if (!match) return "must be a mongodb:// or mongodb+srv:// URL (user and password percent-encoded)";
  const [, scheme, hostList, , query] = match as unknown as [string, string, string, string | undefined, string | undefined];
  const hosts = hostList.split(",");
  if (scheme === "mongodb+srv" && hosts.length !== 1) return "a mongodb+srv:// URL names exactly one host";
  for (const host of hosts) {
    const problem = hostProblem(host, scheme === "mongodb+srv");
    if (problem) return problem;
  }
  for (const [key, value] of new URLSearchParams(query ?? "")) {
    const name = key.toLowerCase();
    if (FILE_OPTIONS.has(name)) return `the option ${key} names a file on the server, which is not allowed`;
    if (name === "authmechanismproperties") return "the option authMechanismProperties is not allowed";
    if (name === "authmechanism" && !AUTH_MECHANISMS.has(value.toUpperCase())) {
      return `authMechanism ${value.slice(0, 40)} is not allowed (allowed: SCRAM-SHA-256, SCRAM-SHA-1, PLAIN)`;
    }
    if (name === "compressors" && !value.split(",").every((c) => COMPRESSORS.has(c))) return "compressors may only be zlib or none";
    if (!ALLOWED_OPTIONS.has(name)) return `the option ${key.slice(0, 40)} is not supported`;
  }
  return null;
}

function hostProblem(host: string, srv: boolean): string | null {
  if (host === "") return "must name a host";
  if (host.includes("/") || host.includes("%") || host.endsWith(".sock")) return "must name TCP hosts; Unix sockets are not allowed";
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  const [name, port] = bracketed ? [`[${bracketed[1]}]`, bracketed[2]] : (host.split(":") as [string, string | undefined]);
  if (!bracketed && host.split(":").length > 2) return "an IPv6 host must be in brackets ([::1]:27017)";
  if (!parseIp(name) && !normalizeHostName(name)) return `the host "${name.slice(0, 100)}" is not a host name or IP address`;
  if (port !== undefined) {
    if (srv) return "a mongodb+srv:// host takes no port";
    const n = Number(port);
    if (!/^\d{1,5}$/.test(port) || n < 1 || n > 65_535) return "a port must be from 1 to 65535";
  }
  return null;
}
