import "server-only";
import { createHmac } from "node:crypto";
import { z } from "zod";
import { UserFacingError } from "@/lib/errors";
import type { Agent } from "@/lib/generated/prisma/client";
import { outboundFetch } from "@/lib/net/http";
import { OutboundError } from "@/lib/net/policy";
import { signingKeyOf } from "./registry";
import { Severity } from "./schemas";
import type { AnalysisResult, FindingDraft } from "./types";

/** Rows of each entity sent to a third-party agent. */
export const HTTP_AGENT_ROWS = 2_000;
const TIMEOUT_MS = 30_000;
const MAX_ANSWER_BYTES = 1024 * 1024;

const Answer = z.object({
  findings: z
    .array(
      z.object({
        key: z.string().min(1).max(200),
        kind: z.string().min(1).max(100),
        title: z.string().min(1).max(300),
        summary: z.string().max(2000).default(""),
        severity: Severity.default("medium"),
        impact: z
          .object({ amount: z.number().finite(), currency: z.string().min(3).max(3), per: z.enum(["once", "month", "year"]) })
          .nullable()
          .default(null),
        window: z.object({ from: z.iso.date(), to: z.iso.date() }).nullable().default(null),
        sql: z.string().max(10_000).default(""),
        rows: z.array(z.record(z.string(), z.unknown())).max(50).default([]),
      }),
    )
    .max(500),
  figures: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Why a third-party agent's run failed, in words fit for the tenant (never the endpoint's own
 * text). `permanent` when trying again cannot help (refused by policy, a 4xx, an answer not as
 * documented); a timeout, a 5xx or a connection failure may pass on retry.
 */
export class AgentCallError extends UserFacingError {
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/**
 * Posts the views an agent reads to its endpoint and reads its findings back. The request is
 * signed: `x-aos-signature: sha256=<hex HMAC-SHA256 of "<x-aos-timestamp>.<body>" with the agent's key>`.
 * The endpoint is reached through the outbound policy, with a timeout and a size limit on the answer.
 */
export async function callHttpAgent(
  agent: Agent,
  request: { runId: string; asOf: string; views: Record<string, { columns: string[]; rows: Record<string, unknown>[]; total: number }> },
): Promise<AnalysisResult> {
  const body = JSON.stringify({ agent: agent.slug, ...request });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac("sha256", await signingKeyOf(agent))
    .update(`${timestamp}.${body}`)
    .digest("hex");
  let res: Response;
  try {
    res = await outboundFetch(agent.endpoint!, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: { "content-type": "application/json", "x-aos-timestamp": timestamp, "x-aos-signature": `sha256=${signature}` },
    });
  } catch (error) {
    if (error instanceof OutboundError) throw new AgentCallError("the agent's endpoint is not reachable under the outbound policy", true);
    throw new AgentCallError("the agent's endpoint did not answer");
  }
  if (!res.ok) throw new AgentCallError(`the agent's endpoint answered ${res.status}`, res.status < 500 && res.status !== 429);
  const text = await res.text();
  if (Buffer.byteLength(text) > MAX_ANSWER_BYTES) throw new AgentCallError("the agent's answer is over 1 MB", true);
  let parsed: z.infer<typeof Answer>;
  try {
    parsed = Answer.parse(JSON.parse(text));
  } catch {
    throw new AgentCallError("the agent's answer is not {findings: [...]} as documented", true);
  }
  const entities = agent.entities as string[];
  const findings: FindingDraft[] = parsed.findings.map((f) => ({ ...f, entities }));
  return { findings, figures: parsed.figures, queries: [] };
}
