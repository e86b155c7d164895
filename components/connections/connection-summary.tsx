import type { ReactNode } from "react";
import { MUTED } from "@/components/ui/tone";
import type { ConnectionDto } from "@/lib/aam/dto";
import { ABSENT_MEANS, configLabel, configValue } from "./config-labels";
import { POLICY_LABELS } from "./policy-options";
import { StatusBadge } from "./status-badge";

const SAVED = (
  <span className="whitespace-nowrap rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-300">
    Secret saved
  </span>
);

/**
 * The connection's settings in words. Config is as the API returns it: secrets are removed (URL
 * passwords masked) and only ever shown as "Saved".
 */
export function ConnectionSummary({ connection, typeLabel }: { connection: ConnectionDto; typeLabel: string }) {
  const { type, config, secretsSet } = connection;
  const secretsOnly = secretsSet.filter((key) => !(key in config));
  const absent = Object.entries(ABSENT_MEANS[type] ?? {}).filter(([key]) => !(key in config));
  return (
    <dl
      className="grid grid-cols-[minmax(0,7.5rem)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm sm:grid-cols-[11rem_minmax(0,1fr)]"
      data-testid="connection-settings"
    >
      <Row label="Type">{typeLabel}</Row>
      <Row label="Status">
        <StatusBadge status={connection.status} />
      </Row>
      <Row label="Schema changes">{POLICY_LABELS[connection.schemaPolicy]}</Row>
      {connection.safeMode && (
        <Row label="Safe mode">On: at most {(connection.sampleRowLimit ?? 0).toLocaleString("en-US")} rows read per stream per sync</Row>
      )}
      {Object.entries(config).map(([key, value]) => (
        <Row key={key} label={configLabel(type, key)}>
          <span className="[overflow-wrap:anywhere]">{configValue(type, key, value)}</span>
          {secretsSet.includes(key) && <> {SAVED}</>}
        </Row>
      ))}
      {absent.map(([key, meaning]) => (
        <Row key={key} label={configLabel(type, key)}>
          <span className={MUTED}>{meaning}</span>
        </Row>
      ))}
      {secretsOnly.map((key) => (
        <Row key={key} label={configLabel(type, key)}>
          {SAVED}
        </Row>
      ))}
    </dl>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className={MUTED}>{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
