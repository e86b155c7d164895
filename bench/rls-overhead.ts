/**
 * What row-level security costs one statement: the same primary-key read N times in the owner's
 * scope (sent as it is) and in a tenant's scope (its own transaction that first sets the signed
 * scope), side by side, on PostgreSQL when BENCH_DATABASE_URL names one, else on embedded PGlite.
 *
 *   npx tsx --conditions=react-server bench/rls-overhead.ts [reads=2000]
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

process.env.AOS_DATA_DIR = await mkdtemp(path.join(tmpdir(), "aos-bench-"));
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "";
process.env.LOG_LEVEL = "error";

const reads = Number(process.argv[2] ?? 2_000);
const { closeDb, getDb, getDbState } = await import("@/lib/db");
const { systemDb, tenantDb } = await import("@/lib/db/scope");

const base = await getDb();
const owner = systemDb(base, "benchmark");
const tenant = await owner.tenant.create({ data: { name: "RLS bench", slug: `rls-bench-${Date.now()}` } });
const scoped = tenantDb(base, tenant.id);

async function perRead(db: typeof base): Promise<number> {
  for (let i = 0; i < 50; i++) await db.tenant.findUnique({ where: { id: tenant.id } }); // warm up
  const started = performance.now();
  for (let i = 0; i < reads; i++) await db.tenant.findUnique({ where: { id: tenant.id } });
  return ((performance.now() - started) * 1000) / reads;
}

const [ownerUs, tenantUs] = [await perRead(owner), await perRead(scoped)];
const mode = (await getDbState()).mode;
console.log(`row-level security overhead, ${reads} primary-key reads, ${mode} database`);
console.log(`owner's scope (no prefix)      ${ownerUs.toFixed(0).padStart(6)} µs per read`);
console.log(`tenant's scope (scoped tx)     ${tenantUs.toFixed(0).padStart(6)} µs per read  (+${(tenantUs - ownerUs).toFixed(0)} µs)`);
await owner.tenant.delete({ where: { id: tenant.id } });
await closeDb();
