import { actorHasScope } from "@/lib/auth/actor-scope";
import type { Actor } from "@/lib/auth/context";
import type { Scope } from "@/lib/auth/roles";
import { TENANT_EVENT_TYPES, type TenantEventType } from "@/lib/events/types";

/** The scope that reads what each event speaks of: an API key without it does not get the event. */
const EVENT_SCOPES: Record<TenantEventType, Scope> = {
  "task.updated": "tasks:read",
  "aam.sync.progress": "aam:read",
  "aam.sync.completed": "aam:read",
  "aam.drift.detected": "aam:read",
  "inbox.changed": "dcl:read",
  "dcl.views.rebuilt": "dcl:read",
  "agent.run.finished": "agents:read",
  "kb.document.updated": "kb:read",
};

/** The event types `actor` may receive, out of those it asked for (all when none). */
export function allowedEventTypes(actor: Actor, requested?: readonly TenantEventType[]): TenantEventType[] {
  return (requested?.length ? requested : TENANT_EVENT_TYPES).filter((type) => actorHasScope(actor, EVENT_SCOPES[type]));
}
