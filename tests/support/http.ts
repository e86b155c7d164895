import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { checkContract, operationHandler } from "./contract";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Options = { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string>; params?: Record<string, string> };

/**
 * Calls a route handler the way Next.js would, and reads its JSON answer. Every answer is checked
 * against the route's documented contract (tests/support/contract.ts): a test fails on an answer the
 * OpenAPI document does not describe.
 */
export async function call(handler: Handler, method: string, url: string, options: Options = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const abort = new AbortController();
  const req = new NextRequest(new URL(url, "http://localhost:3000"), { method, headers, body, signal: abort.signal });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = res.headers.get("content-type")?.startsWith("text/event-stream") ? await readEventStream(res, abort) : await res.text();
  let json: any = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  const answer = { status: res.status, json, headers: res.headers };
  checkContract(handler, answer, `${method} ${new URL(url, "http://localhost:3000").pathname}`);
  return answer;
}

/**
 * Calls a documented operation by its operationId, as an integrator's generated client would: path
 * parameters fill its template, `query` becomes the query string. tests/unit/api-contract-coverage
 * checks that the contract tests call every operation this way.
 */
export async function callOperation(operationId: string, options: Options & { query?: Record<string, string> } = {}) {
  const { handler, method, template } = await operationHandler(operationId);
  const pathname = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(options.params?.[name] ?? `{${name}}`));
  const search = options.query ? `?${new URLSearchParams(options.query)}` : "";
  return call(handler as Handler, method, `${pathname}${search}`, options);
}

/**
 * A finite event stream (an answer) is read to its end. The live event stream never ends: its
 * opening, up to its `ready` (or `reset`) frame and whatever follows at once, is read, then the
 * client hangs up, as a browser closing the tab would.
 */
async function readEventStream(res: Response, abort: AbortController, quietMs = 250): Promise<string> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const live = /^event: (ready|reset)$/m.test(text);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const quiet = new Promise<null>((resolve) => (timer = live ? setTimeout(() => resolve(null), quietMs) : undefined));
    const chunk = await Promise.race([reader.read(), quiet]);
    clearTimeout(timer);
    if (chunk === null || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  abort.abort();
  void reader.cancel().catch(() => undefined);
  return text;
}

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/**
 * A client address no other test uses, in this run or an earlier one (Redis keeps sign-in counters
 * for a day), from the IPv6 documentation range: per-address limits stay out of unrelated tests.
 */
export const newClientAddress = () =>
  `2001:db8:${randomUUID()
    .replaceAll("-", "")
    .slice(0, 24)
    .replace(/(.{4})(?!$)/g, "$1:")}`;

/** The header a request from `address` carries (a new one by default). */
export const fromClient = (address = newClientAddress()) => ({ "x-forwarded-for": address });
