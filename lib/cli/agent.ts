import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getAgentOrThrow } from "@/lib/agents/registry";
import { runAgent } from "@/lib/agents/run";
import { DEMO } from "@/lib/db/seed";
import { tenantDb } from "@/lib/db/scope";
import { NotFoundError, ValidationError } from "@/lib/errors";

const USAGE = "usage: npm run aos -- agent run <agent> [--tenant <slug>] [--as-of YYYY-MM-DD] [--json]";

/**
 * `aos agent run <finops|revops|...>`: runs the agent in this process against the tenant's current
 * views (the demo tenant by default), beside a running app or alone, and records the run and its
 * findings as any run. `db` is the owner's client (it finds the tenant).
 */
export async function agentCommand(db: PrismaClient, args: string[]) {
  const [verb, slug] = args;
  if (verb !== "run" || !slug || slug.startsWith("--")) throw new ValidationError(USAGE);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const tenantSlug = option("--tenant") ?? DEMO.slug;
  const asOf = option("--as-of");
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new ValidationError(`--as-of takes a date (YYYY-MM-DD). ${USAGE}`);
  const tenant = await db.tenant.findUnique({ where: { slug: tenantSlug }, select: { id: true } });
  if (!tenant) throw new NotFoundError(`Tenant "${tenantSlug}"`);
  const scope = { tenantId: tenant.id, db: tenantDb(db, tenant.id) };
  const agent = await getAgentOrThrow(scope, slug);
  const outcome = await runAgent(scope, agent, { trigger: "cli", asOf: asOf ? new Date(`${asOf}T00:00:00Z`) : undefined });
  const findings = await scope.db.finding.findMany({
    where: { tenantId: tenant.id, agentId: agent.id, lastRunId: outcome.run.id },
    orderBy: [{ impactAmount: { sort: "desc", nulls: "last" } }],
  });
  return { agent: agent.slug, tenant: tenantSlug, run: outcome.run, findings };
}

export function formatAgentReport(report: Awaited<ReturnType<typeof agentCommand>>): string {
  const money = (f: { impactAmount: number | null; impactCurrency: string | null; impactPer: string | null }) =>
    f.impactAmount === null
      ? ""
      : `  ${f.impactCurrency} ${f.impactAmount.toLocaleString("en-US", { maximumFractionDigits: 2 })}${f.impactPer === "once" ? "" : `/${f.impactPer}`}`;
  return [
    `${report.agent} on ${report.tenant}: ${report.findings.length} finding(s) in ${report.run.durationMs} ms (run ${report.run.id})`,
    "",
    report.run.narrative ?? "",
    "",
    ...report.findings.map((f) => `[${f.severity}] ${f.title}${money(f)}\n    ${f.summary}`),
  ].join("\n");
}
