import "server-only";
import { randomBytes } from "node:crypto";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { open, seal } from "@/lib/crypto/secret-box";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Agent } from "@/lib/generated/prisma/client";
import { isAllowListed } from "@/lib/net/policy";
import { pageArgs, toPage } from "@/lib/db/page";
import { BUILTIN_AGENTS } from "./builtins";
import type { Agent as AgentDto, ListAgentsQuery, RegisterAgentInput, UpdateAgentInput } from "./schemas";

export type { AgentDto };

/** An agent as the API answers it (lib/agents/schemas.ts `Agent`): never its signing key. */
export function toAgentDto(a: Agent): AgentDto {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    description: a.description,
    kind: a.kind as AgentDto["kind"],
    endpoint: a.endpoint,
    owner: a.owner,
    entities: a.entities as string[],
    schedule: a.schedule,
    enabled: a.enabled,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Gives the tenant the built-in agents it lacks (a tenant's changes to its own are kept); true when it created any. */
async function ensureBuiltinAgents(scope: TenantScope, have: Pick<Agent, "slug" | "kind">[]): Promise<boolean> {
  const missing = BUILTIN_AGENTS.filter((b) => !have.some((a) => a.kind === "builtin" && a.slug === b.slug));
  if (missing.length === 0) return false;
  await scope.db.agent.createMany({
    data: missing.map((b) => ({
      tenantId: scope.tenantId,
      slug: b.slug,
      name: b.name,
      description: b.description,
      kind: "builtin",
      handler: b.slug,
      entities: b.entities,
      schedule: b.schedule,
    })),
    skipDuplicates: true,
  });
  return true;
}

/** ensureBuiltinAgents, after reading which built-in agents the tenant has. */
async function ensureBuiltinAgentsOf(scope: TenantScope): Promise<void> {
  const builtins = await scope.db.agent.findMany({
    where: { tenantId: scope.tenantId, kind: "builtin" },
    select: { slug: true, kind: true },
  });
  await ensureBuiltinAgents(scope, builtins);
}

/** All the tenant's agents, for the platform's own use (the API pages them: listAgentPage); the first read gives it the built-in ones. */
export async function listAgents(scope: TenantScope): Promise<Agent[]> {
  const read = () => scope.db.agent.findMany({ where: { tenantId: scope.tenantId }, orderBy: [{ kind: "asc" }, { slug: "asc" }] });
  const agents = await read();
  return (await ensureBuiltinAgents(scope, agents)) ? read() : agents;
}

/** A page of the tenant's agents, built-in ones first, then by slug; the first read gives it the built-in ones. */
export async function listAgentPage({
  ctx,
  query,
}: {
  ctx: TenantContext;
  query: ListAgentsQuery;
}): Promise<{ agents: AgentDto[]; nextCursor: string | null }> {
  await ensureBuiltinAgentsOf(ctx);
  const rows = await ctx.db.agent.findMany({
    where: { tenantId: ctx.tenantId },
    orderBy: [{ kind: "asc" }, { slug: "asc" }, { id: "asc" }],
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { agents: items.map(toAgentDto), nextCursor };
}

/** One agent by id or slug. */
export async function getAgentOrThrow(scope: TenantScope, idOrSlug: string): Promise<Agent> {
  await ensureBuiltinAgentsOf(scope);
  const byId = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const agent = await scope.db.agent.findFirst({ where: { tenantId: scope.tenantId, ...(byId ? { id: idOrSlug } : { slug: idOrSlug }) } });
  if (!agent) throw new NotFoundError("Agent");
  return agent;
}

const signingContext = (tenantId: string, slug: string) => `tenant:${tenantId}:agent:${slug}`;

/**
 * Registers a third party's agent. Its endpoint is https (or http to a host the operator
 * allow-listed) and goes through the outbound policy on every call; requests carry an HMAC-SHA256
 * signature with a key answered here once (`signingKey`) and stored sealed.
 */
export async function registerAgent({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: RegisterAgentInput;
}): Promise<{ agent: AgentDto; signingKey: string }> {
  assertEndpoint(input.endpoint);
  await assertEntities(ctx, input.entities);
  await listAgents(ctx);
  if (await ctx.db.agent.findFirst({ where: { tenantId: ctx.tenantId, slug: input.slug }, select: { id: true } }))
    throw new ConflictError(`an agent named "${input.slug}" exists`);
  const signingKey = randomBytes(32).toString("base64url");
  const agent = await ctx.db.agent.create({
    data: {
      tenantId: ctx.tenantId,
      slug: input.slug,
      name: input.name,
      description: input.description,
      kind: "http",
      endpoint: input.endpoint,
      owner: input.owner,
      entities: input.entities,
      schedule: input.schedule,
      enabled: input.enabled,
      signingKeyCipher: await seal(signingKey, signingContext(ctx.tenantId, input.slug)),
      createdById: ctx.actor.userId,
    },
  });
  return { agent: toAgentDto(agent), signingKey };
}

/** A built-in agent's owner, schedule and whether it runs can change; a third party's everything but its slug. */
export async function updateAgent({ ctx, id, input }: { ctx: TenantContext; id: string; input: UpdateAgentInput }): Promise<AgentDto> {
  const agent = await getAgentOrThrow(ctx, id);
  if (agent.kind === "builtin" && (input.endpoint !== undefined || input.entities !== undefined))
    throw new ValidationError("a built-in agent's endpoint and entities are fixed");
  if (input.endpoint) assertEndpoint(input.endpoint);
  if (input.entities) await assertEntities(ctx, input.entities);
  const updated = await ctx.db.agent.update({
    where: { id: agent.id },
    data: { ...input, ...(input.schedule !== undefined && { scheduledAt: null }) },
  });
  return toAgentDto(updated);
}

export async function deleteAgent({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  const agent = await getAgentOrThrow(ctx, id);
  if (agent.kind === "builtin") throw new ConflictError("a built-in agent cannot be deleted; disable it instead");
  await ctx.db.agent.delete({ where: { id: agent.id } });
}

export async function signingKeyOf(agent: Agent): Promise<string> {
  if (!agent.signingKeyCipher) throw new Error(`agent ${agent.id} has no signing key`);
  return open(agent.signingKeyCipher, signingContext(agent.tenantId, agent.slug));
}

function assertEndpoint(endpoint: string) {
  const url = new URL(endpoint);
  if (url.username || url.password)
    throw new ValidationError("the endpoint may not carry credentials; requests are signed instead", [
      { path: "endpoint", message: "no user:password@" },
    ]);
  if (url.protocol === "http:" && !isAllowListed(url.hostname)) {
    throw new ValidationError("the endpoint must be https (http only to a host the operator allows in AOS_OUTBOUND_ALLOW)", [
      { path: "endpoint", message: "https required" },
    ]);
  }
}

async function assertEntities(scope: TenantScope, entities: string[]) {
  const ontology = await getTenantOntology(scope);
  const unknown = entities.filter((e) => !ontology.entities.some((o) => o.name === e));
  if (unknown.length)
    throw new ValidationError(`unknown entities: ${unknown.join(", ")}`, [{ path: "entities", message: "not in the ontology" }]);
}
