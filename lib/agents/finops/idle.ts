import type { FindingDraft } from "@/lib/agents/types";
import { formatMoney, round2, severityOf } from "./money";
import type { FinopsOptions } from "./options";
import { equals, numberLiteral, type RunQuery } from "./sql";

const COLUMNS = "resource_id, provider, resource_type, region, state, cpu_utilization, monthly_cost";

/** The latest observation of each resource (two sources may report the same one), filtered. */
function latestResourcesSql(where: string, filter: string): string {
  return `WITH latest AS (
  SELECT * FROM resource
  WHERE ${where}
  QUALIFY row_number() OVER (PARTITION BY resource_id ORDER BY _observed_at DESC NULLS LAST, _connection_id NULLS LAST) = 1
)
SELECT ${COLUMNS}
FROM latest
WHERE ${filter}
ORDER BY monthly_cost DESC NULLS LAST, resource_id`;
}

/**
 * Running resources with a low average CPU over the inventory's window (the latest observation of
 * each): under `idleCpuPercent` idle, to stop or terminate, saving the monthly cost; under
 * `underusedCpuPercent` under-used, to move one size down, saving `rightsizeSaving` of it. The
 * inventory's monthly cost includes attached disks, which stopping keeps: the saving is an upper bound.
 */
export async function findIdleResources(run: RunQuery, options: FinopsOptions): Promise<FindingDraft[]> {
  const running = `state = 'running' AND cpu_utilization IS NOT NULL AND cpu_utilization < ${numberLiteral(options.underusedCpuPercent)}`;
  const rows = await run(latestResourcesSql("resource_id IS NOT NULL", running));
  const currency = options.inventoryCurrency;
  return rows.map((row): FindingDraft => {
    const id = String(row.resource_id);
    const cpu = Math.round(Number(row.cpu_utilization) * 10) / 10;
    const monthly = row.monthly_cost === null ? null : Number(row.monthly_cost);
    const idle = Number(row.cpu_utilization) < options.idleCpuPercent;
    const saving = monthly === null ? null : round2(idle ? monthly : monthly * options.rightsizeSaving);
    const impact = saving === null ? null : { amount: saving, currency, per: "month" as const };
    const what = `${row.resource_type ?? "resource"} ${id} (${[row.provider, row.region].filter(Boolean).join(", ")})`;
    const cost = monthly === null ? "an unknown cost" : `${formatMoney(monthly, currency)} a month`;
    const action =
      saving === null
        ? idle
          ? "Stop or terminate it if nothing needs it."
          : "Move it one size down."
        : idle
          ? `Stop or terminate it if nothing needs it: saves up to ${formatMoney(saving, currency)} a month.`
          : `Moving it one size down saves about ${formatMoney(saving, currency)} a month.`;
    return {
      key: `${idle ? "idle" : "underused"}:${id}`,
      kind: idle ? "idle_resource" : "underused_resource",
      title: `${idle ? "Idle" : "Under-used"} ${what}: ${cpu}% CPU`,
      summary: `Running at ${cpu}% average CPU (${idle ? "idle" : "under-used"} below ${idle ? options.idleCpuPercent : options.underusedCpuPercent}%) for ${cost}. ${action}`,
      severity: severityOf(impact, options.severityBands),
      impact,
      window: null,
      sql: latestResourcesSql(equals("resource_id", id), "true"),
      rows: [row],
      entities: ["resource"],
    };
  });
}
