import "server-only";
import { getKv } from "@/lib/kv";
import { log } from "@/lib/log";
import { tenantChannel } from "@/lib/events/publish";
import type { LiveEvent } from "@/lib/events/types";

type Listener = (event: LiveEvent) => void;
type Channel = { listeners: Set<Listener>; ready: Promise<() => Promise<void>> };

/**
 * One subscription per tenant channel per process, shared by every stream of that tenant open in
 * it (a browser tab each). On globalThis: Next.js loads route handlers and instrumentation as
 * separate module graphs, and they must share it.
 */
const globalForHub = globalThis as unknown as { aosEventHub?: Map<string, Channel> };
const channels = (globalForHub.aosEventHub ??= new Map());

/** Resolves once live events of the tenant reach `listener`; the returned function stops them. */
export async function listenToTenant(tenantId: string, listener: Listener): Promise<() => Promise<void>> {
  let channel = channels.get(tenantId);
  if (!channel) {
    const listeners = new Set<Listener>();
    const ready = getKv().subscribe(tenantChannel(tenantId), (message) => deliver(listeners, message));
    channel = { listeners, ready };
    channels.set(tenantId, channel);
    ready.catch(() => channels.get(tenantId) === channel && channels.delete(tenantId));
  }
  channel.listeners.add(listener);
  try {
    await channel.ready;
  } catch (error) {
    channel.listeners.delete(listener);
    throw error;
  }
  const joined = channel;
  return async () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0 || channels.get(tenantId) !== joined) return;
    channels.delete(tenantId);
    await (await joined.ready)().catch((error: unknown) => log.warn("event unsubscribe failed", { tenantId, error }));
  };
}

function deliver(listeners: Set<Listener>, message: string) {
  let event: LiveEvent;
  try {
    event = JSON.parse(message) as LiveEvent;
  } catch {
    return log.warn("malformed tenant event dropped", { length: message.length });
  }
  for (const listener of listeners) listener(event);
}
