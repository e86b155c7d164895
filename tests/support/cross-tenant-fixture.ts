import { randomBytes, randomUUID } from "node:crypto";
import { GET as listStreams } from "@/app/api/v1/aam/connections/[id]/streams/route";
import { GET as listEvents } from "@/app/api/v1/aam/connections/[id]/events/route";
import { GET as listQuarantine } from "@/app/api/v1/aam/connections/[id]/quarantine/route";
import { GET as listFiles } from "@/app/api/v1/aam/connections/[id]/files/route";
import { POST as requestSync } from "@/app/api/v1/aam/connections/[id]/sync/route";
import { GET as listDrift } from "@/app/api/v1/aam/drift/route";
import { GET as listMappings } from "@/app/api/v1/dcl/mappings/route";
import { POST as decideMapping } from "@/app/api/v1/dcl/mappings/[id]/decision/route";
import { PUT as putOntology } from "@/app/api/v1/dcl/ontology/route";
import { PATCH as patchDclSettings } from "@/app/api/v1/dcl/settings/route";
import { GET as listViews } from "@/app/api/v1/dcl/views/route";
import { POST as createTask } from "@/app/api/v1/tasks/route";
import { GET as listInvitations } from "@/app/api/v1/tenant/invitations/route";
import { POST as addMember } from "@/app/api/v1/tenant/members/route";
import { PUT as putTenantSettings } from "@/app/api/v1/tenant/settings/route";
import { POST as createApiKey } from "@/app/api/v1/tenant/api-keys/route";
import { GET as listAgents } from "@/app/api/v1/agents/route";
import { GET as listFindings } from "@/app/api/v1/findings/route";
import { POST as uploadDocument } from "@/app/api/v1/nlp/kb/documents/route";
import { localEmbedder } from "@/lib/nlp/kb/embed";
import { ingestDocument } from "@/lib/nlp/kb/ingest";
import { getAgentOrThrow } from "@/lib/agents/registry";
import { runAgent } from "@/lib/agents/run";
import type { Role } from "@/lib/auth/roles";
import { createAccount, joinTenant, sessionCookie, type TestAccount } from "./accounts";
import { verificationTokenFor } from "./mail";
import { createConnectionVia, syncNow, uploadFile } from "./aam";
import { connectVia } from "./dcl";
import { scopedDb } from "./db";
import { call } from "./http";
import { KINDS, type Kind, type VictimValues } from "./cross-tenant-inputs";

/** A signed-in person: a bearer token and a browser session cookie for the same membership. */
export type Caller = TestAccount & { cookie: string };

export type CrossTenantWorld = {
  /** Planted in every name, email, file and record of tenant A, so any trace of A in an answer is found. */
  marker: string;
  owner: TestAccount;
  viewer: Caller;
  attacker: Caller;
  victim: VictimValues;
  /** Strings of tenant A that tenant B must never see unless it sent them itself. */
  secrets: string[];
};

const CSV_V1 = (m: string) =>
  `id,name,email,amount\n1,Acme ${m},ops@${m}.test,100\n2,Globex ${m},hi@${m}.test,250\n3,broken row\n4,Initech ${m},it@${m}.test,75\n`;
const DEALS = (m: string) =>
  `deal_pk,cust_fk,deal_title,deal_val,deal_ccy,pipeline_stage,win_pct,exp_close\nD-1,C-1,Renewal ${m},1200.50,usd,Negotiation,60,2026-03-01\nD-2,C-2,Expansion ${m},800,eur,Closed Won,100,2026-01-15\n`;
// email renamed, amount removed, industry added: drift, some of it held for approval.
const CSV_V2 = (m: string) => `id,name,email_address,industry\n1,Acme ${m},ops@${m}.test,Energy ${m}\n5,Umbrella ${m},u@${m}.test,Bio\n`;

/**
 * Tenant A with something of every kind (members, a pending invitation, a file connection with
 * uploads, streams, events, quarantine, drift, tasks, mappings, views, a custom entity, settings,
 * an API key),
 * a viewer of A, and tenant B, each signed in by token and by session cookie.
 */
export async function buildCrossTenantWorld(): Promise<CrossTenantWorld> {
  const marker = `xt${randomBytes(5).toString("hex")}`;
  const owner = await createAccount({ label: `owner-${marker}` });
  const token = owner.token;

  const join = async (role: Role) => {
    const account = await createAccount({ label: `a-${role}`, email: `${role}-${marker}@example.test` });
    const inTenantA = { ...account, tenantId: owner.tenantId, token: await joinTenant(owner, account, role) };
    return { ...inTenantA, cookie: await sessionCookie(account.email, account.password, owner.tenantId) };
  };
  const viewer = await join("viewer");
  const member = await join("member");
  const invited = await call(addMember, "POST", "/api/v1/tenant/members", {
    token,
    body: { email: `invitee-${marker}@example.test`, role: "admin" },
  });
  if (invited.status !== 201) throw new Error(`invite: ${invited.status} ${JSON.stringify(invited.json)}`);
  const pending = invited.json.invitation as { id: string };

  const connection = await createConnectionVia(token, {
    name: `Books ${marker}`,
    type: "file",
    config: {},
    schemaPolicy: "propagate_additive",
  });
  const file = `acct_${marker}.csv`;
  await expectOk(uploadFile(token, connection.id, file, CSV_V1(marker)), "upload");
  await expectOk(uploadFile(token, connection.id, `deals_${marker}.csv`, DEALS(marker)), "upload deals");
  await syncNow(owner.tenantId, connection.id);
  await expectOk(uploadFile(token, connection.id, file, CSV_V2(marker)), "upload v2");
  await syncNow(owner.tenantId, connection.id);

  const entity = `ent_${marker}`;
  await expectOk(
    call(putOntology, "PUT", "/x", {
      token,
      body: { entities: [{ name: entity, key: "code", fields: [{ name: "code", type: "string" }] }] },
    }),
    "ontology",
  );
  await expectOk(
    call(putTenantSettings, "PUT", "/x", { token, body: { slackWebhookUrl: `https://hooks.slack.com/services/T0/B0/${marker}` } }),
    "settings",
  );
  await expectOk(call(patchDclSettings, "PATCH", "/x", { token, body: { autoApproveThreshold: 0.6 } }), "dcl settings");
  await connectVia(token);
  const proposed = (await expectOk(call(listMappings, "GET", "/api/v1/dcl/mappings?status=proposed", { token }), "proposals")).json
    .items as { id: string; target: string | null }[];
  for (const m of proposed.filter((p) => p.target))
    await expectOk(call(decideMapping, "POST", "/x", { token, params: { id: m.id }, body: { decision: "approve" } }), "approve");
  await connectVia(token);
  const sync = await expectOk(call(requestSync, "POST", "/x", { token, params: { id: connection.id } }), "sync");
  const task = await expectOk(
    call(createTask, "POST", "/x", {
      token,
      body: { type: "kb.ingest", input: { documentIds: [randomUUID()] }, idempotencyKey: `key-${marker}` },
    }),
    "task",
  );

  const read = async (handler: Parameters<typeof call>[0], url: string, params?: Record<string, string>) =>
    (await expectOk(call(handler, "GET", url, { token, params }), url)).json;
  const at = { id: connection.id };
  const streams = (await read(listStreams, "/x", at)).streams as { name: string }[];
  const events = (await read(listEvents, "/x", at)).events as { id: string }[];
  const quarantine = (await read(listQuarantine, "/x", at)).records as { id: string }[];
  const files = (await read(listFiles, "/x", at)).files as { name: string }[];
  const drift = (await read(listDrift, "/api/v1/aam/drift")).events as { id: string }[];
  const mappings = (await read(listMappings, "/api/v1/dcl/mappings?history=true")).items as { id: string }[];
  const invitations = (await read(listInvitations, "/x")).invitations as { id: string }[];
  const views = (await read(listViews, "/x")).views as { entity: string; rows: number }[];
  // An agent run: its run and its findings (past-close deals) are A's too.
  const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
  const agents = (await read(listAgents, "/x")).agents as { id: string; slug: string }[];
  const agentRun = await runAgent(scope, await getAgentOrThrow(scope, "revops"), {
    trigger: "manual",
    asOf: new Date("2026-11-01T00:00:00Z"),
    model: null,
  });
  const findings = (await read(listFindings, "/x")).findings as { id: string }[];
  // A knowledge-base document, ingested: its chunks carry the marker.
  const uploaded = await expectOk(
    call(uploadDocument, "POST", `/api/v1/nlp/kb/documents?name=notes-${marker}.md`, {
      token,
      rawBody: `# Notes ${marker}\n\nQuarterly planning notes for ${marker}: budgets and hiring.`,
      headers: { "content-type": "text/markdown" },
    }),
    "kb upload",
  );
  await ingestDocument(scope, uploaded.json.document.id, { embedder: localEmbedder });
  const apiKey = await expectOk(
    call(createApiKey, "POST", "/x", { token, body: { name: `Key ${marker}`, scopes: ["aam:read"] } }),
    "api key",
  );

  const victim: VictimValues = {
    tenant: [owner.tenantId],
    user: [owner.userId, member.userId, viewer.userId],
    connection: [connection.id],
    stream: streams.map((s) => s.name),
    event: events.slice(0, 2).map((e) => e.id),
    quarantine: quarantine.map((q) => q.id),
    drift: drift.slice(0, 2).map((d) => d.id),
    task: [sync.json.task.id, task.json.task.id],
    mapping: mappings.slice(0, 2).map((m) => m.id),
    invitation: [pending.id, ...invitations.map((i) => i.id).filter((id) => id !== pending.id)],
    // The owner's email is unverified: the link mailed at registration is still good, for the owner only.
    token: [verificationTokenFor(owner.email)],
    upload: files.map((f) => f.name),
    // A built-in view with A's rows first (it is also a name every tenant has: an agent may read it), then A's own entity.
    entity: [
      ...views
        .filter((v) => v.rows > 0)
        .map((v) => v.entity)
        .slice(0, 1),
      entity,
    ],
    email: [member.email, owner.email, viewer.email, `invitee-${marker}@example.test`],
    agent: agents.map((a) => a.id),
    agent_run: [agentRun.run.id],
    finding: findings.slice(0, 2).map((f) => f.id),
    document: [uploaded.json.document.id],
    api_key: [apiKey.json.apiKey.id],
  };
  const empty = KINDS.filter((k: Kind) => victim[k].length === 0 || victim[k].some((v) => typeof v !== "string"));
  if (empty.length) throw new Error(`tenant A has no ${empty.join(", ")}: the fixture no longer builds every kind of data`);

  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const secrets = [
    marker,
    ...new Set([
      ...Object.values(victim)
        .flat()
        .filter((v) => uuid.test(v) || v.includes(marker)),
      ...victim.token,
    ]),
  ];
  const attacker = await withCookie(await createAccount({ label: "attacker" }));
  return { marker, owner, viewer, attacker, victim, secrets };
}

async function withCookie(account: TestAccount): Promise<Caller> {
  return { ...account, cookie: await sessionCookie(account.email, account.password) };
}

async function expectOk<T extends { status: number; json: any }>(pending: Promise<T>, what: string): Promise<T> {
  const res = await pending;
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
  return res;
}
