/** What the end-to-end benches share: the seeded opportunity CSV, medians, and running the CLI. */
import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";

/** A small seeded PRNG (mulberry32): the same file on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const STAGES = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
const CURRENCIES = ["USD", "EUR", "GBP", "JPY"];
const HEADER = "Id,Name,AccountId,StageName,Amount,CurrencyIsoCode,CloseDate,Probability,OwnerEmail,CreatedDate\n";

function line(i: number, next: () => number): string {
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(next() * 900) * 86_400_000).toISOString();
  return `006${String(i).padStart(12, "0")},Deal ${i},001${String(Math.floor(next() * 50_000)).padStart(12, "0")},${STAGES[Math.floor(next() * STAGES.length)]},${(next() * 250_000).toFixed(2)},${CURRENCIES[Math.floor(next() * CURRENCIES.length)]},${day.slice(0, 10)},${Math.floor(next() * 100)},rep${Math.floor(next() * 300)}@example.com,${day}\n`;
}

/** Writes opportunities `from` to `to` (10 columns, about 120 bytes a row): a new file with its header, or appended to one. */
export async function writeOpportunities(file: string, from: number, to: number, seed: number, header: boolean) {
  const next = random(seed);
  const out = createWriteStream(file, { flags: header ? "w" : "a" });
  if (header) out.write(HEADER);
  let chunk = "";
  for (let i = from; i < to; i++) {
    chunk += line(i, next);
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The p-th percentile of values sorted ascending. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** `npm run aos -- <args>` in a process of its own, quiet, with `env` added; its standard output. */
export function aos(args: string[], env: Record<string, string>): string {
  return execFileSync("npx", ["--no-install", "tsx", "--conditions=react-server", "scripts/aos.ts", ...args], {
    env: { ...process.env, LOG_LEVEL: "error", ...env },
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
}
