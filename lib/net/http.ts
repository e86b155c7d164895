import "server-only";
import http from "node:http";
import https from "node:https";
import { checkOutbound, OutboundError, type Resolver } from "./policy";

/** The most response body a single outbound request reads; larger answers fail. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export type OutboundInit = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | URLSearchParams;
  signal?: AbortSignal;
  /** Test seam: a resolver instead of the system's. */
  resolver?: Resolver;
};

/**
 * `fetch` through the outbound policy: the URL's host is checked and the request goes to the
 * checked address (TLS still verified against the name). Redirects are never followed: a 3xx
 * answer comes back as it is, for the caller to refuse. Throws OutboundError when the policy
 * refuses, and the socket's own error when the connection fails.
 */
export async function outboundFetch(input: string | URL, init: OutboundInit = {}): Promise<Response> {
  const url = new URL(input);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new OutboundError(url.host, `protocol ${url.protocol} is not http(s)`);
  const target = await checkOutbound(url.hostname, { resolver: init.resolver });
  const body = init.body === undefined ? undefined : String(init.body);
  const headers: Record<string, string> = { ...init.headers, host: url.host };
  if (init.body instanceof URLSearchParams) headers["content-type"] ??= "application/x-www-form-urlencoded";
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  const options: https.RequestOptions = {
    host: target.address,
    family: target.family,
    port: url.port || (url.protocol === "https:" ? 443 : 80),
    path: `${url.pathname}${url.search}`,
    method: init.method ?? "GET",
    headers,
    signal: init.signal,
    servername: target.servername,
    agent: false,
  };
  return new Promise<Response>((resolve, reject) => {
    const request = (url.protocol === "https:" ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) res.destroy(new Error(`the answer is larger than ${MAX_RESPONSE_BYTES} bytes`));
        else chunks.push(chunk);
      });
      res.on("error", reject);
      res.on("end", () => {
        const status = res.statusCode ?? 502;
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) responseHeaders.append(name, v);
        }
        const nullBody = status === 204 || status === 205 || status === 304;
        resolve(new Response(nullBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: responseHeaders }));
      });
    });
    request.on("error", reject);
    request.end(body);
  });
}
