/**
 * Test fixture, run as its own process owning an embedded database: optionally creates a tenant and
 * a drift.repair test task, runs the embedded engine until that task finishes (or the process is
 * killed), then prints the task as JSON.
 * usage: tsx --conditions=react-server tests/support/engine-worker.ts <file> <create|resume> <stepMs>
 */
import { randomUUID } from "node:crypto";
import { closeDb, getDb } from "@/lib/db";
import { systemDb, tenantDb } from "@/lib/db/scope";
import { createEmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { createTask, getTask } from "@/lib/tasks/tasks";
import { testWorkflows } from "./test-workflows";

const [file, mode, ms] = process.argv.slice(2);
const base = await getDb();
const db = systemDb(base, "test harness");
if (mode === "create") {
  const tenant = await db.tenant.create({ data: { name: "crash test", slug: `crash-${randomUUID()}` } });
  await createTask({
    ctx: { tenantId: tenant.id, db: tenantDb(base, tenant.id), actor: { userId: randomUUID(), role: "owner", via: "bearer" } },
    input: { type: "drift.repair", input: { file, ms: Number(ms) } },
    workflows: testWorkflows,
  });
}
const task = await db.task.findFirstOrThrow({ where: { type: "drift.repair" } });
const ctx = {
  tenantId: task.tenantId,
  db: tenantDb(base, task.tenantId),
  actor: { userId: randomUUID(), role: "owner" as const, via: "bearer" as const },
};
const engine = createEmbeddedEngine({ db: base, workflows: testWorkflows, pollMs: 50, leaseMs: 1_000 });
engine.start();
for (;;) {
  const current = await getTask({ ctx, id: task.id });
  if (["success", "failed", "cancelled"].includes(current.status)) {
    console.log(JSON.stringify(current));
    break;
  }
  await new Promise((r) => setTimeout(r, 50));
}
await engine.stop();
await closeDb();
