import type { TenantEvent } from "@/lib/events/schemas";

/**
 * What a tenant's live clients receive. Kept events get an id from the event log and can be
 * replayed; progress events are live only (a reconnecting client reads the state instead).
 */
export const TENANT_EVENT_TYPES = [
  "task.updated",
  "aam.sync.progress",
  "aam.sync.completed",
  "aam.drift.detected",
  "inbox.changed",
  "dcl.views.rebuilt",
  "agent.run.finished",
  "kb.document.updated",
] as const;

export type TenantEventType = (typeof TENANT_EVENT_TYPES)[number];

/** Live only: frequent, and superseded by the next one or by the stored state. */
export const TRANSIENT_EVENT_TYPES: ReadonlySet<TenantEventType> = new Set(["aam.sync.progress"]);

/** An event as it travels live: a kept one carries the log's id (lib/events/schemas.ts `TenantEvent`), a transient one none. */
export type LiveEvent = Omit<TenantEvent, "id" | "data"> & { id?: string; data: Record<string, unknown> };
