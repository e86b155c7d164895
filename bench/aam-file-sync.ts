/**
 * Sync throughput of the file connector into the embedded database: writes a CSV of N rows,
 * syncs it once (all new), then again (unchanged: skipped by hash), then after appending 1% of
 * rows (re-read, only the new ones stored). Prints rows per second and peak RSS.
 *
 *   npx tsx --conditions=react-server bench/aam-file-sync.ts [rows=50000]
 */
import { appendFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { benchTenant } from "./embedded-tenant";

const rows = Number(process.argv[2] ?? 50_000);
const { closeDb } = await import("@/lib/db");
const { syncConnection } = await import("@/lib/aam/sync");

const line = (i: number) =>
  `${i},Account ${i},acct${i}@example.test,${(i * 13.37).toFixed(2)},2024-01-${String((i % 28) + 1).padStart(2, "0")}T10:00:00Z\n`;

const { ctx, connection, directory, upload } = await benchTenant();
const file = path.join(directory, "accounts.csv");
let csv = "id,name,email,amount,updated_at\n";
for (let i = 1; i <= rows; i++) csv += line(i);
await writeFile(file, csv);
await upload("accounts.csv");

async function measure(label: string, expectedRows: number) {
  const started = performance.now();
  const summary = await syncConnection(ctx, connection.id);
  const seconds = (performance.now() - started) / 1000;
  const stored = summary.read["accounts.csv"]?.stored ?? 0;
  console.log(
    `${label.padEnd(28)} ${seconds.toFixed(2).padStart(7)} s  stored ${String(stored).padStart(7)}  ${expectedRows ? `${Math.round(expectedRows / seconds).toLocaleString("en-US")} rows/s read` : ""}`,
  );
}

console.log(`file sync, ${rows.toLocaleString("en-US")} rows, embedded PGlite`);
await measure("first sync (all new)", rows);
await measure("second sync (unchanged)", 0);
let extra = "";
for (let i = rows + 1; i <= rows + Math.ceil(rows / 100); i++) extra += line(i);
await appendFile(file, extra);
await upload("accounts.csv");
await measure("after appending 1%", rows + Math.ceil(rows / 100));
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await closeDb();
