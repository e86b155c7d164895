import { ValidationError } from "@/lib/errors";
import { tryDecodeURIComponent } from "@/lib/http/decode";

/**
 * The one way secrets in configs are hidden from responses and pages: values under secret-like
 * names, and inside URLs the password of the userinfo and every secret-like query parameter
 * (`password`, `sslpassword`, `token`, `access_token`, `apikey`, `authMechanismProperties`, ...).
 */
export const MASK = "********";

const SECRET_NAMES = new Set(["pass", "pwd", "auth", "authorization", "authmechanismproperties", "sig", "key"]);
const SECRET_PARTS = ["password", "passwd", "passphrase", "secret", "token", "credential", "signature", "privatekey"];

/** `password`, `sslpassword`, `client_secret`, `access_token`, `api_key`, `sslkey`, ... (case and punctuation ignored). */
export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return SECRET_NAMES.has(n) || n.endsWith("key") || SECRET_PARTS.some((part) => n.includes(part));
}

type UrlParts = {
  scheme: string;
  user: string | null;
  password: string | null;
  host: string;
  path: string;
  query: string | null;
  fragment: string | null;
};

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Splits without normalizing (WHATWG URL re-encodes and refuses MongoDB's multi-host lists). The
 * userinfo ends at the last `@` before the query, so an unencoded `@` or `/` in a password stays
 * inside the part that is masked.
 */
function splitUrl(url: string): UrlParts | null {
  const scheme = SCHEME.exec(url)?.[0];
  if (!scheme) return null;
  let rest = url.slice(scheme.length);
  let fragment: string | null = null;
  let query: string | null = null;
  const hash = rest.indexOf("#");
  if (hash >= 0) [rest, fragment] = [rest.slice(0, hash), rest.slice(hash + 1)];
  const question = rest.indexOf("?");
  if (question >= 0) [rest, query] = [rest.slice(0, question), rest.slice(question + 1)];
  const at = rest.lastIndexOf("@");
  const userinfo = at >= 0 ? rest.slice(0, at) : null;
  rest = at >= 0 ? rest.slice(at + 1) : rest;
  const slash = rest.indexOf("/");
  const [host, path] = slash >= 0 ? [rest.slice(0, slash), rest.slice(slash)] : [rest, ""];
  const colon = userinfo?.indexOf(":") ?? -1;
  return {
    scheme,
    user: userinfo === null ? null : colon >= 0 ? userinfo.slice(0, colon) : userinfo,
    password: userinfo !== null && colon >= 0 ? userinfo.slice(colon + 1) : null,
    host,
    path,
    query,
    fragment,
  };
}

function joinUrl(p: UrlParts): string {
  const userinfo = p.user === null ? "" : `${p.user}${p.password === null ? "" : `:${p.password}`}@`;
  return `${p.scheme}${userinfo}${p.host}${p.path}${p.query === null ? "" : `?${p.query}`}${p.fragment === null ? "" : `#${p.fragment}`}`;
}

/** A query parameter's name as the driver reads it (`+` is a space); malformed escapes kept as they are. */
function decodeName(raw: string): string {
  return tryDecodeURIComponent(raw.replace(/\+/g, " ")) ?? raw;
}

/** `postgresql://app:s3cret@db/x?sslmode=require&password=s3cret` -> `postgresql://app:********@db/x?sslmode=require&password=********`. */
export function maskUrl(url: string): string {
  const parts = splitUrl(url);
  if (!parts) return MASK;
  return joinUrl({
    ...parts,
    password: parts.password ? MASK : parts.password,
    query:
      parts.query === null
        ? null
        : parts.query
            .split("&")
            .map((pair) => {
              const eq = pair.indexOf("=");
              return eq >= 0 && isSecretName(decodeName(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${MASK}` : pair;
            })
            .join("&"),
    fragment: parts.fragment ? MASK : parts.fragment,
  });
}

/** A config as responses show it: every string under a secret-like name masked, every URL through `maskUrl`. */
export function maskSecrets<T>(value: T, name?: string): T {
  if (typeof value === "string") {
    if (name !== undefined && isSecretName(name)) return MASK as T;
    return (SCHEME.test(value) ? maskUrl(value) : value) as T;
  }
  if (Array.isArray(value)) return value.map((item) => maskSecrets(item, name)) as T;
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskSecrets(v, k)])) as T;
  return value;
}

/**
 * An update sent back with masked values (a form filled from a response) keeps the stored secrets:
 * a value equal to the stored one's mask is the stored value, and a masked URL may change only its
 * path (the database name), so a secret is never sent to a host, user or option it was not given
 * with. Any other value still holding the mask is refused: the secret must be typed again.
 */
export function restoreMaskedSecrets(patch: Record<string, unknown>, stored: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(patch).map(([key, value]) => {
      if (typeof value !== "string" || !value.includes(MASK)) return [key, value];
      const previous = stored[key];
      if (typeof previous === "string") {
        if (value === maskSecrets(previous, key)) return [key, previous];
        const incoming = splitUrl(value);
        const masked = splitUrl(maskUrl(previous));
        if (incoming && masked && joinUrl({ ...incoming, path: "" }) === joinUrl({ ...masked, path: "" }))
          return [key, joinUrl({ ...splitUrl(previous)!, path: incoming.path })];
      }
      throw new ValidationError(
        `config.${key} still holds a masked secret (${MASK}); enter the secret again to change anything but the path`,
        {
          issues: [{ path: `config.${key}`, message: "holds a masked secret" }],
        },
      );
    }),
  );
}
