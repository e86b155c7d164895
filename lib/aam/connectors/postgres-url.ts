import { parseIp } from "@/lib/net/address";
import { tryDecodeURIComponent } from "@/lib/http/decode";
import { normalizeHostName } from "@/lib/net/allow-list";

/**
 * A PostgreSQL connection URL reduced to the settings a tenant may choose: one TCP host and port,
 * database, user, password, TLS mode, connect timeout. Everything else libpq or node-postgres would
 * honour is refused rather than ignored: Unix sockets (peer authentication as the server's user),
 * parameters naming files on the server (certificates, keys, passfile, service files), `options`
 * (server settings), and anything unknown. Defaults never come from the server's environment
 * (PGPASSWORD, PGUSER, ~/.pgpass), so no credential of the server can be sent to a tenant's host.
 */
export type SslMode = "disable" | "allow" | "prefer" | "require" | "verify-ca" | "verify-full" | "no-verify";

export type PostgresTarget = {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
  sslmode: SslMode;
  connectTimeoutMs: number;
};

const SSL_MODES: SslMode[] = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full", "no-verify"];
const ALLOWED = ["sslmode", "user", "password", "connect_timeout"];
const FILE_PARAMS = new Set([
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslcrldir",
  "sslpassword",
  "passfile",
  "service",
  "servicefile",
  "sslkeylogfile",
]);
const HOST_PARAMS = new Set(["host", "hostaddr", "port", "dbname"]);
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

export type ParsedPostgresUrl = { ok: true; target: PostgresTarget } | { ok: false; message: string };

export function parsePostgresUrl(text: string): ParsedPostgresUrl {
  const fail = (message: string): ParsedPostgresUrl => ({ ok: false, message });
  if (!URL.canParse(text)) return fail("must be a postgres:// or postgresql:// URL");
  const url = new URL(text);
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:") return fail("must be a postgres:// or postgresql:// URL");
  const hostText = decode(url.hostname);
  if (hostText === "" || hostText.startsWith("/") || hostText.includes("%"))
    return fail("must name a TCP host; Unix sockets are not allowed");
  if (hostText.includes(",")) return fail("must name one host; multi-host URLs are not supported");
  if (!parseIp(hostText) && !normalizeHostName(hostText))
    return fail(`the host "${hostText.slice(0, 100)}" is not a host name or IP address`);

  const params = new Map<string, string>();
  for (const [key, value] of url.searchParams) {
    const name = key.toLowerCase();
    if (FILE_PARAMS.has(name)) return fail(`the parameter ${key} names a file on the server, which is not allowed`);
    if (HOST_PARAMS.has(name)) return fail(`the parameter ${key} is not allowed; put the host, port and database in the URL itself`);
    if (name === "options") return fail("the parameter options is not allowed");
    if (!ALLOWED.includes(name)) return fail(`the parameter ${key.slice(0, 40)} is not supported (allowed: ${ALLOWED.join(", ")})`);
    if (params.has(name)) return fail(`the parameter ${key} is given twice`);
    params.set(name, value);
  }

  const sslmode = (params.get("sslmode") ?? "disable") as SslMode;
  if (!SSL_MODES.includes(sslmode)) return fail(`sslmode must be one of ${SSL_MODES.join(", ")}`);
  const timeout = params.get("connect_timeout");
  if (timeout !== undefined && !/^([1-9]|[12][0-9]|30)$/.test(timeout))
    return fail("connect_timeout must be a whole number of seconds from 1 to 30");
  const port = url.port === "" ? 5432 : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return fail("the port must be from 1 to 65535");
  const user = params.get("user") ?? decode(url.username);
  if (user === "") return fail("must name a user (postgresql://user:password@host/database)");
  const database = decode(url.pathname.replace(/^\//, "")) || user;
  if (database.includes("/")) return fail("the database name cannot contain /");
  return {
    ok: true,
    target: {
      host: hostText,
      port,
      database,
      user,
      password: params.get("password") ?? decode(url.password),
      sslmode,
      connectTimeoutMs: timeout === undefined ? DEFAULT_CONNECT_TIMEOUT_MS : Number(timeout) * 1000,
    },
  };
}

/** Percent-decoding that keeps malformed escapes as they are (they then fail the checks above). */
function decode(text: string): string {
  return tryDecodeURIComponent(text) ?? text;
}
