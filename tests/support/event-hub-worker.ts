/**
 * One app process's share of the tenant event hub, for tests/redis/events-fanout.test.ts. With
 * UPSTASH_REDIS_REST_URL/TOKEN set it listens to a tenant's channel (lib/events/hub.ts) and prints
 * each event it delivers as a line of JSON; each stdin line is published as that tenant's event.
 * usage: tsx --conditions=react-server tests/support/event-hub-worker.ts <tenantId> <name>
 */
import { createInterface } from "node:readline";
import { listenToTenant } from "@/lib/events/hub";
import { tenantChannel } from "@/lib/events/publish";
import { getKv } from "@/lib/kv";

const [tenantId, name] = process.argv.slice(2) as [string, string];
await listenToTenant(tenantId, (event) => console.log(JSON.stringify({ delivered: event.data })));
console.log(JSON.stringify({ ready: name }));
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  await getKv().publish(
    tenantChannel(tenantId),
    JSON.stringify({ type: "task.updated", at: new Date().toISOString(), data: { from: name, n: Number(line) } }),
  );
}
process.exit(0);
