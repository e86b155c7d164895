/**
 * DCL on the embedded defaults: N synced CRM-style rows (accounts, contacts, invoices) are mapped
 * and materialized into the tenant's DuckDB views, then connected again with nothing changed, then
 * one filtered, sorted page is read. Prints seconds, rows per second and peak RSS.
 *
 *   npx tsx --conditions=react-server bench/dcl-connect.ts [rows=20000]
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { benchTenant } from "./embedded-tenant";

const rows = Number(process.argv[2] ?? 20_000);
const { closeDb } = await import("@/lib/db");
const { syncConnection } = await import("@/lib/aam/sync");
const { connectDcl } = await import("@/lib/dcl/connect");
const { queryView } = await import("@/lib/dcl/views/query");
const { closeDuckDb } = await import("@/lib/duckdb/engine");

const { ctx, connection, directory: dir, upload } = await benchTenant();
const lines = (header: string, row: (i: number) => string) => [header, ...Array.from({ length: rows }, (_, i) => row(i))].join("\n");
await writeFile(
  path.join(dir, "accounts.csv"),
  lines(
    "Id,Account Name,Website,Industry,AnnualRevenue,BillingCountry,CreatedDate",
    (i) => `A${i},Company ${i},https://www.c${i}.example.com,Tech,${i * 1000},Germany,2024-01-01T10:00:00Z`,
  ),
);
await writeFile(
  path.join(dir, "contacts.csv"),
  lines(
    "ContactId,AccountId,FirstName,LastName,Email,Created",
    (i) => `C${i},A${i % 500},Ada,Person${i},p${i}@example.com,2024-02-01 09:30:00`,
  ),
);
await writeFile(
  path.join(dir, "invoices.csv"),
  lines(
    "id,customer,amount_due,currency,status,created",
    (i) => `in_${String(i).padStart(10, "0")},A${i % 500},${(i % 900) * 100},usd,paid,${1_700_000_000 + i}`,
  ),
);

for (const name of ["accounts.csv", "contacts.csv", "invoices.csv"]) await upload(name);

const time = async <T>(fn: () => Promise<T>) => {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
};

console.log(`DCL connect, ${(rows * 3).toLocaleString("en-US")} records in 3 streams, embedded PGlite + DuckDB`);
const sync = await time(() => syncConnection(ctx, connection.id));
console.log(`sync (AAM, for context)     ${sync.seconds.toFixed(2).padStart(7)} s`);
for (const label of ["first connect (map + build)", "second connect (unchanged)"]) {
  const { result, seconds } = await time(() => connectDcl(ctx));
  const built = result.build.entities.reduce((s, e) => s + e.rows, 0);
  console.log(
    `${label.padEnd(28)}${seconds.toFixed(2).padStart(7)} s  ${built.toLocaleString("en-US")} view rows  ${Math.round(built / seconds).toLocaleString("en-US")} rows/s`,
  );
}
const page = await time(() =>
  queryView(ctx, "invoice", {
    sort: "-amount",
    limit: "50",
    filters: [
      ["currency", "USD"],
      ["amount.gte", "100"],
    ],
  }),
);
console.log(
  `filtered sorted page        ${(page.seconds * 1000).toFixed(1).padStart(7)} ms  of ${page.result.total.toLocaleString("en-US")} matching`,
);
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
await closeDuckDb();
await closeDb();
