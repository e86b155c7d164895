import { expect } from "vitest";
import { getDb } from "@/lib/db";
import { scopedDb } from "./db";
import type { TenantContext } from "@/lib/auth/context";
import { createEmbeddedEngine, type EngineOptions } from "@/lib/tasks/embedded-engine";
import { getTask } from "@/lib/tasks/tasks";
import { createAccount } from "./accounts";
import { testWorkflows } from "./test-workflows";

export async function tenantContext(label: string): Promise<TenantContext> {
  const account = await createAccount({ label });
  return {
    tenantId: account.tenantId,
    actor: { userId: account.userId, role: "owner", via: "bearer" },
    db: await scopedDb(account.tenantId),
  };
}

/** An embedded engine over the test workflows, restricted to the given tenants (the database is shared). */
export async function testEngine(tenantIds: string[], options: Partial<EngineOptions> = {}) {
  return createEmbeddedEngine({
    db: await getDb(),
    workflows: testWorkflows,
    tenantIds,
    pollMs: 50,
    leaseMs: 2_000,
    backoffBaseMs: 20,
    ...options,
  });
}

export async function waitForStatus(ctx: TenantContext, id: string, status: string, timeout = 15_000) {
  await expect.poll(async () => (await getTask({ ctx, id })).status, { timeout, interval: 50 }).toBe(status);
  return getTask({ ctx, id });
}
