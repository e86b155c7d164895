/**
 * Test fixture, run as its own process: opens the embedded database as a server or CLI process,
 * writes `count` tenants (each in a transaction), optionally holds on, then reports as JSON.
 * usage: tsx --conditions=react-server tests/support/embedded-worker.ts <server|cli> <label> <count> [holdMs]
 */
import { closeDb, getDbState, setProcessKind } from "@/lib/db";
import { systemDb } from "@/lib/db/scope";

const [kind, label, count, holdMs] = process.argv.slice(2);
setProcessKind(kind === "server" ? "server" : "cli");
try {
  const state = await getDbState();
  for (let i = 0; i < Number(count); i++) {
    await systemDb(state.client, "test harness").$transaction(async (tx) => {
      await tx.tenant.create({ data: { name: `${label}-${i}`, slug: `${label}-${i}` } });
      await tx.tenant.count();
    });
  }
  console.log(JSON.stringify({ ok: true, role: state.embedded?.role }));
  if (holdMs) await new Promise((r) => setTimeout(r, Number(holdMs)));
} catch (error) {
  console.log(JSON.stringify({ ok: false, error: (error as Error).message }));
  process.exitCode = 1;
} finally {
  await closeDb();
}
