/**
 * The connections overview (`listConnectors`, behind GET /api/v1/aam/connectors) for one large
 * tenant: C connections with ten mapped fields each and E drift events spread over them, seeded in
 * bulk through the tenant's own scoped client. Times the call for the first page (the API's largest,
 * 500 connections) through the tenant-scoped client, one caller at a time and with K concurrent callers, N calls per run (the medians of R runs' p50 and
 * p99 are printed), and counts the SQL statements one call sends. Nothing is ANALYZEd: the embedded
 * database never has statistics, and the plan must not need them. On PostgreSQL when
 * BENCH_DATABASE_URL names one, else on embedded PGlite. Prints a table and a JSON line.
 *
 *   npx tsx --conditions=react-server bench/connectors-list.ts [connections=1000] [events=100000] [calls=200] [concurrency=20] [runs=3]
 */
import { mkdtemp } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { percentile } from "./support";

process.env.AOS_DATA_DIR = await mkdtemp(path.join(tmpdir(), "aos-bench-"));
process.env.DATABASE_URL = process.env.BENCH_DATABASE_URL ?? "";
process.env.LOG_LEVEL = "error";

const [connections, events, calls, concurrency, runs] = [1_000, 100_000, 200, 20, 3].map((fallback, i) =>
  Number(process.argv[i + 2] ?? fallback),
);
const MAPPED_FIELDS = 10;
const FIRST_PAGE = { limit: 500 };
const { closeDb, getDb, getDbState } = await import("@/lib/db");
const { systemDb, tenantDb, userDb } = await import("@/lib/db/scope");
const { registerAccount } = await import("@/lib/tenancy/register");
const { listConnectors } = await import("@/lib/aam/overview");
const { statementRecordingDb } = await import("../tests/support/sql-statements");

const db = await getDb();
const email = `bench-connectors-${Date.now()}@example.test`;
await registerAccount(
  db,
  { email, password: "bench password 123", name: "Bench", tenantName: "Connectors bench" },
  { clientAddress: "127.0.0.1", appUrl: "http://localhost" },
);
const { id: userId } = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
const { tenantId } = await userDb(db, userId).membership.findFirstOrThrow({ where: { userId } });
const ctx = { tenantId, db: tenantDb(db, tenantId, userId), actor: { userId, role: "owner" as const, via: "session" as const } };

/**
 * Every connection gets E/C drift events an hour apart, mostly applied non-breaking ones (the
 * slowest case for "is anything open": nothing is); every tenth connection's latest event waits for
 * approval. Every field has an approved mapping; each connection's first field also a rejected v2.
 */
async function seed() {
  const perConnection = Math.ceil(events / connections);
  await ctx.db.$executeRaw`
    INSERT INTO connections (id, tenant_id, name, type, status, config_cipher, created_at, updated_at)
    SELECT gen_random_uuid(), ${tenantId}::uuid, 'bench ' || i, 'file', 'active', 'v1.x.x.x',
           timestamptz '2026-01-01' + i * interval '1 second', now()
      FROM generate_series(1, ${connections}::int) i`;
  await ctx.db.$executeRaw`
    INSERT INTO drift_events (id, tenant_id, connection_id, stream, kind, severity, field, status, created_at, resolved_at)
    SELECT gen_random_uuid(), c.tenant_id, c.id, 'stream_' || n % 5,
           (ARRAY['field_added', 'field_removed', 'type_changed', 'nullability_changed'])[1 + n % 4],
           CASE WHEN n % 7 = 0 THEN 'breaking' ELSE 'non_breaking' END, 'field_' || n,
           CASE WHEN n = ${perConnection}::int AND c.ordinal % 10 = 0 THEN 'pending' ELSE 'applied' END,
           timestamptz '2026-01-01' + n * interval '1 hour',
           CASE WHEN n % 7 = 0 THEN timestamptz '2026-01-01' + n * interval '1 hour' + interval '5 minutes' END
      FROM (SELECT id, tenant_id, row_number() OVER (ORDER BY created_at) AS ordinal FROM connections) c
     CROSS JOIN generate_series(1, ${perConnection}::int) n
     WHERE (c.ordinal - 1) * ${perConnection}::int + n <= ${events}::int`;
  await ctx.db.$executeRaw`
    INSERT INTO mapping_registry (id, tenant_id, connection_id, source_stream, source_field, ontology_field, confidence, method, status, version)
    SELECT gen_random_uuid(), c.tenant_id, c.id, 'stream_0', 'field_' || f, 'account.field_' || f, 0.9, 'name', 'approved'::"MappingStatus", 1
      FROM connections c CROSS JOIN generate_series(1, ${MAPPED_FIELDS}::int) f
    UNION ALL
    SELECT gen_random_uuid(), c.tenant_id, c.id, 'stream_0', 'field_1', NULL, 1, 'human', 'rejected'::"MappingStatus", 2 FROM connections c`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

type Latency = { p50: number; p99: number; perSecond: number };

/** `calls` calls shared by `callers` concurrent loops: p50 and p99 latency in ms, and calls per second. */
async function measure(callers: number): Promise<Latency> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (next++ < calls) {
        const t = performance.now();
        const { connectors: rows } = await listConnectors({ ctx, query: FIRST_PAGE });
        latencies.push(performance.now() - t);
        const expected = Math.min(connections, FIRST_PAGE.limit);
        if (rows.length !== expected) throw new Error(`expected ${expected} connectors, got ${rows.length}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: calls / seconds };
}

async function medianOfRuns(callers: number): Promise<Latency> {
  const measured: Latency[] = [];
  for (let run = 0; run < runs; run++) measured.push(await measure(callers));
  return {
    p50: median(measured.map((m) => m.p50)),
    p99: median(measured.map((m) => m.p99)),
    perSecond: median(measured.map((m) => m.perSecond)),
  };
}

async function statementsPerCall(): Promise<number> {
  const recording = await statementRecordingDb();
  try {
    await listConnectors({ ctx: { ...ctx, db: tenantDb(recording.db, tenantId, userId) }, query: FIRST_PAGE });
    return recording.sql.length;
  } finally {
    await recording.close();
  }
}

const seedStarted = performance.now();
await seed();
const seedSeconds = (performance.now() - seedStarted) / 1000;
for (let i = 0; i < 10; i++) await listConnectors({ ctx, query: FIRST_PAGE }); // warm up

const sequential = await medianOfRuns(1);
const concurrent = await medianOfRuns(concurrency);
const statements = await statementsPerCall();
const mode = (await getDbState()).mode;

console.log(
  `connections overview, ${connections.toLocaleString("en-US")} connections, ${events.toLocaleString("en-US")} drift events, ${mode} database, ${availableParallelism()} cores (seeded in ${seedSeconds.toFixed(1)} s)`,
);
console.log(
  `${"callers".padEnd(16)}${"p50 ms".padStart(9)}${"p99 ms".padStart(9)}${"calls/s".padStart(9)}   (${calls} calls, median of ${runs} runs)`,
);
for (const [label, r] of [
  ["sequential", sequential],
  [`${concurrency} concurrent`, concurrent],
] as const) {
  console.log(`${label.padEnd(16)}${r.p50.toFixed(1).padStart(9)}${r.p99.toFixed(1).padStart(9)}${r.perSecond.toFixed(0).padStart(9)}`);
}
console.log(`SQL statements per call: ${statements} (the scope prefix included, BEGIN/COMMIT not)`);
const round = (r: Latency) => ({ p50: +r.p50.toFixed(2), p99: +r.p99.toFixed(2), perSecond: Math.round(r.perSecond) });
console.log(
  JSON.stringify({
    bench: "connectors-list",
    database: mode,
    cores: availableParallelism(),
    connections,
    driftEvents: events,
    calls,
    runs,
    sequential: round(sequential),
    concurrent: { callers: concurrency, ...round(concurrent) },
    statementsPerCall: statements,
  }),
);

await ctx.db.tenant.delete({ where: { id: tenantId } });
// The app's role may not delete users (row-level security): the bench's account goes as the operator.
await systemDb(db, "bench cleanup").user.delete({ where: { id: userId } });
await closeDb();
