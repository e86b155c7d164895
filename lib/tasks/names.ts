import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { CONNECTORS } from "@/lib/aam/connectors/registry";
import { taskTarget, type TaskNames } from "@/lib/tasks/targets";

type Named = { type: string; input: unknown };

/**
 * The names of the connections, agents and documents a set of tasks works on, and of the people in
 * `userIds`: one tenant-scoped query per kind (none for a kind no task needs). Whatever is not
 * found was deleted, or belongs to another tenant, and is reported as gone.
 */
export async function loadTaskNames(scope: TenantScope, tasks: Named[], userIds: (string | null | undefined)[] = []): Promise<TaskNames> {
  const connectionIds = new Set<string>();
  const agentSlugs = new Set<string>();
  const documentIds = new Set<string>();
  for (const task of tasks) {
    const target = taskTarget(task.type, task.input);
    if (target.kind === "connection") connectionIds.add(target.id);
    if (target.kind === "agent") agentSlugs.add(target.slug);
    if (target.kind === "documents") target.ids.forEach((id) => documentIds.add(id));
  }
  const users = [...new Set(userIds.filter((id): id is string => typeof id === "string" && UUID.test(id)))];
  const { tenantId, db } = scope;
  const [connections, agents, documents, members] = await Promise.all([
    connectionIds.size
      ? db.connection.findMany({ where: { tenantId, id: { in: uuids(connectionIds) } }, select: { id: true, name: true, type: true } })
      : [],
    agentSlugs.size
      ? db.agent.findMany({ where: { tenantId, slug: { in: [...agentSlugs] } }, select: { slug: true, name: true, enabled: true } })
      : [],
    documentIds.size
      ? db.kbDocument.findMany({ where: { tenantId, id: { in: uuids(documentIds) } }, select: { id: true, title: true } })
      : [],
    users.length
      ? db.membership.findMany({ where: { tenantId, userId: { in: users } }, select: { user: { select: { id: true, name: true } } } })
      : [],
  ]);
  return {
    connections: new Map(connections.map((c) => [c.id, { name: c.name, typeLabel: CONNECTORS[c.type].label }])),
    agents: new Map(agents.map((a) => [a.slug, { name: a.name, enabled: a.enabled }])),
    documents: new Map(documents.map((d) => [d.id, { title: d.title }])),
    users: new Map(members.map((m) => [m.user.id, { name: m.user.name }])),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored input that is not a UUID names nothing (and must not reach a uuid column). */
const uuids = (ids: Set<string>) => [...ids].filter((id) => UUID.test(id));
