import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { ConnectionDto } from "@/lib/aam/dto";
import { formatValue } from "./format";
import { LocalTime } from "./local-time";
import { PolicySelect } from "./policy-select";
import { StatusBadge } from "./status-badge";

const SET = <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">set</span>;

/**
 * Status, policy, last sync and config as the API returns it: secrets are already removed (URL
 * passwords masked) and are only ever shown as "set".
 */
export function ConnectionSummary({ connection, typeLabel, canWrite }: { connection: ConnectionDto; typeLabel: string; canWrite: boolean }) {
  const secretsOnly = connection.secretsSet.filter((key) => !(key in connection.config));
  return (
    <Card title="Connection">
      <dl className="grid grid-cols-[minmax(0,8rem)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
        <dt className="text-slate-500 dark:text-slate-400">Type</dt>
        <dd>{typeLabel}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Status</dt>
        <dd>
          <StatusBadge status={connection.status} />
          {connection.statusMessage && <span className="ml-2 text-slate-600 dark:text-slate-300">{connection.statusMessage}</span>}
        </dd>
        <dt className="text-slate-500 dark:text-slate-400">Schema changes</dt>
        <dd><PolicySelect id={connection.id} policy={connection.schemaPolicy} canWrite={canWrite} /></dd>
        <dt className="text-slate-500 dark:text-slate-400">Last sync</dt>
        <dd>
          <LocalTime value={connection.lastSyncAt} />
          {connection.lastSyncStatus && <span className="ml-2 font-mono text-xs text-slate-600 dark:text-slate-300">{connection.lastSyncStatus}</span>}
        </dd>
        {Object.entries(connection.config).map(([key, value]) => (
          <ConfigRow key={key} name={key}>
            <span className="break-all font-mono text-xs">{showConfigValue(value)}</span>
            {connection.secretsSet.includes(key) && <span className="ml-2">{SET}</span>}
          </ConfigRow>
        ))}
        {secretsOnly.map((key) => <ConfigRow key={key} name={key}>{SET}</ConfigRow>)}
      </dl>
    </Card>
  );
}

function ConfigRow({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-mono text-xs text-slate-500 dark:text-slate-400">{name}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** Lists as "a, b"; a blank string (a tab delimiter) quoted so it stays visible. */
function showConfigValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(formatValue).join(", ");
  if (typeof value === "string" && value.trim() === "") return JSON.stringify(value);
  return formatValue(value);
}
