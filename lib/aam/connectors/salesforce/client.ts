import "server-only";
import { z } from "zod";
import { outboundFetch } from "@/lib/net/http";
import { unreachable } from "../outbound";
import { ConnectorError } from "../types";
import { isSalesforceUrlAllowed, type SalesforceConfig } from "./config";

const REQUEST_TIMEOUT_MS = 30_000;

const TokenAnswer = z.object({ access_token: z.string().min(1), instance_url: z.url({ protocol: /^https?$/ }) });
const TokenRefusal = z.object({ error: z.string(), error_description: z.string().optional() });
const ApiErrors = z.array(z.object({ message: z.string(), errorCode: z.string() })).min(1);

type Session = { accessToken: string; instanceUrl: string };
type Answer = { status: number; body: unknown };

export type SalesforceClient = {
  /** GETs a `/services/data/...` path on the org's instance and answers its JSON. Throws ConnectorError. */
  get(path: string, signal?: AbortSignal): Promise<unknown>;
  /** Aborts requests in flight and forgets the access token. */
  close(): void;
};

/**
 * REST calls with an OAuth 2.0 refresh-token session: the access token is obtained on first use and
 * renewed once per call when Salesforce answers 401 (INVALID_SESSION_ID). Messages never carry the
 * secret, the refresh token or the access token. Requests go through the outbound policy, only to
 * Salesforce's own hosts (or allow-listed ones), and never follow a redirect.
 */
export function createSalesforceClient(config: SalesforceConfig): SalesforceClient {
  const closing = new AbortController();
  let session: Promise<Session> | null = null;
  let accessToken = "";

  const redact = (text: string) => {
    let out = text;
    for (const secret of [config.clientSecret, config.refreshToken, accessToken]) if (secret) out = out.split(secret).join("[redacted]");
    return out.slice(0, 500);
  };

  async function send(
    url: string,
    init: { method?: string; headers: Record<string, string>; body?: URLSearchParams },
    signal?: AbortSignal,
  ): Promise<Answer> {
    if (!isSalesforceUrlAllowed(url))
      throw new ConnectorError(
        "config",
        "Requests go only to https://login.salesforce.com, https://test.salesforce.com and https://<domain>.my.salesforce.com.",
      );
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
    const signals = signal ? [timeout, closing.signal, signal] : [timeout, closing.signal];
    let answer: Answer;
    try {
      const res = await outboundFetch(url, { ...init, signal: AbortSignal.any(signals) });
      answer = { status: res.status, body: parseJson(await res.text()) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (closing.signal.aborted) throw new ConnectorError("unreachable", "The Salesforce connection was closed.");
      throw unreachable("salesforce", error);
    }
    if (answer.status >= 300 && answer.status < 400)
      throw new ConnectorError(
        "source",
        `Salesforce answered with a redirect (HTTP ${answer.status}), which is not followed; check the login URL.`,
      );
    return answer;
  }

  async function requestToken(): Promise<Session> {
    const form = new URLSearchParams({
      grant_type: "refresh_token",
      client_id: config.clientId,
      client_secret: config.clientSecret,
      refresh_token: config.refreshToken,
    });
    const tokenUrl = new URL("/services/oauth2/token", config.loginUrl).href;
    const headers = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
    const { status, body } = await send(tokenUrl, { method: "POST", headers, body: form });
    if (status >= 500 || status === 429)
      throw new ConnectorError("unreachable", `Salesforce login answered HTTP ${status}; try again later.`);
    if (status !== 200) {
      const refusal = TokenRefusal.safeParse(body);
      const reason = refusal.success ? [refusal.data.error, refusal.data.error_description].filter(Boolean).join(": ") : `HTTP ${status}`;
      throw new ConnectorError(
        "auth",
        `Salesforce refused the connected app's credentials (${redact(reason)}). Check the client id, secret and refresh token.`,
      );
    }
    const token = TokenAnswer.safeParse(body);
    if (!token.success) throw new ConnectorError("source", "Salesforce login answered without an access token and instance URL.");
    if (!isSalesforceUrlAllowed(token.data.instance_url)) {
      throw new ConnectorError(
        "source",
        "Salesforce login answered an instance URL outside https://<domain>.my.salesforce.com; the access token is only sent there.",
      );
    }
    accessToken = token.data.access_token;
    return { accessToken, instanceUrl: token.data.instance_url };
  }

  function currentSession(): Promise<Session> {
    if (!session) {
      const pending = requestToken();
      session = pending;
      pending.catch(() => {
        if (session === pending) session = null;
      });
    }
    return session;
  }

  /** A new session, unless another call already replaced the stale one. */
  async function renewSession(stale: Session): Promise<Session> {
    const current = await session?.catch(() => null);
    if (current === stale) session = null;
    return currentSession();
  }

  function toResult(answer: Answer): unknown {
    const { status, body } = answer;
    if (status >= 200 && status < 300) return body;
    const parsed = ApiErrors.safeParse(body);
    const code = parsed.success ? parsed.data[0].errorCode : `HTTP ${status}`;
    const detail = redact(parsed.success ? `${code}: ${parsed.data[0].message}` : code);
    if (status === 401) throw new ConnectorError("auth", `Salesforce rejected the session (${detail}).`);
    if (code === "REQUEST_LIMIT_EXCEEDED") throw new ConnectorError("unreachable", `Salesforce API request limit reached (${detail}).`);
    if (status >= 500 || status === 429) throw new ConnectorError("unreachable", `Salesforce answered ${status} (${detail}).`);
    throw new ConnectorError("source", `Salesforce answered ${status} (${detail}).`);
  }

  return {
    async get(path, signal) {
      // Bearer tokens go only to the instance, and only to its data API (paths from answers included).
      if (!path.startsWith("/services/data/")) throw new ConnectorError("source", "Salesforce answered a link outside its data API.");
      const call = (auth: Session) =>
        send(
          new URL(path, auth.instanceUrl).href,
          { headers: { authorization: `Bearer ${auth.accessToken}`, accept: "application/json" } },
          signal,
        );
      let auth = await currentSession();
      let answer = await call(auth);
      // Salesforce answers every 401 with INVALID_SESSION_ID: the access token expired or was revoked.
      if (answer.status === 401) {
        auth = await renewSession(auth);
        answer = await call(auth);
      }
      return toResult(answer);
    },
    close() {
      closing.abort();
      session = null;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
