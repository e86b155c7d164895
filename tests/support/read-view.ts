/**
 * Another machine's reader, as its own process: prints the tenant's unified view of an entity
 * (`{ build, total }`) as one JSON line, read through this process's own store and cache.
 *
 *   tsx --conditions=react-server tests/support/read-view.ts <tenant id> <entity>
 */
import { closeDb, getDb } from "@/lib/db";
import { tenantDb } from "@/lib/db/scope";
import { readBuild } from "@/lib/dcl/views/builds";
import { queryView, ViewQuery } from "@/lib/dcl/views/query";
import { closeDuckDb } from "@/lib/duckdb/engine";

const [tenantId, entity] = process.argv.slice(2) as [string, string];
const scope = { tenantId, db: tenantDb(await getDb(), tenantId) };
const [build, page] = [await readBuild(scope), await queryView(scope, entity, ViewQuery.parse({ limit: "1" }))];
console.log(JSON.stringify({ build: build.id, total: page.total }));
await closeDuckDb();
await closeDb();
