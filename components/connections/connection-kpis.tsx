import type { ReactNode } from "react";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { CHANGE_WINDOW_DAYS, type ConnectionFigures } from "@/lib/aam/connection-figures";
import { LocalTime } from "./local-time";
import { formatDuration, SYNC_OUTCOME_TONE, SYNC_OUTCOME_WORDS } from "./words";

const n = (value: number) => value.toLocaleString("en-US");

/** A connection's figures at a glance: records held, streams, mapped fields, recent schema changes, and its last sync. */
export function ConnectionKpis({ figures, streamsLabel }: { figures: ConnectionFigures; streamsLabel: string }) {
  const { lastSync } = figures;
  return (
    <section aria-label="Figures" data-testid="connection-kpis">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-[repeat(4,minmax(0,1fr))_minmax(0,1.6fr)]">
        <Tile
          label="Records held"
          value={figures.recordsHeld === null ? "–" : n(figures.recordsHeld)}
          note={figures.recordsHeld === null ? "Could not be counted just now" : "Each record once, latest version"}
        />
        <Tile label={streamsLabel} value={n(figures.streams)} note="Read by each sync" />
        <Tile label="Fields mapped" value={n(figures.fieldsMapped)} note="To the ontology" />
        <Tile label="Schema changes" value={n(figures.schemaChanges)} note={`Last ${CHANGE_WINDOW_DAYS} days`} />
        <div className={`${SURFACE} col-span-2 px-4 py-3 sm:col-span-4 lg:col-span-1`} data-testid="last-sync">
          <dt className={`text-xs font-medium uppercase tracking-wide ${MUTED}`}>Last sync</dt>
          <dd className="mt-1 text-sm">
            {lastSync.at ? (
              <>
                <p className="font-semibold">
                  {lastSync.outcome && <span className={SYNC_OUTCOME_TONE[lastSync.outcome]}>{SYNC_OUTCOME_WORDS[lastSync.outcome]}</span>}
                  {lastSync.durationMs !== null && (
                    <span className="font-normal text-slate-600 dark:text-slate-300"> in {formatDuration(lastSync.durationMs)}</span>
                  )}
                </p>
                <p className={`text-xs ${MUTED}`}>
                  <LocalTime value={lastSync.at} />
                  {lastSync.summary && <> · {lastSync.summary}</>}
                </p>
              </>
            ) : (
              <p className="font-semibold">Never synced</p>
            )}
            {lastSync.next && (
              <p className="mt-1 text-xs font-medium text-brand-700 dark:text-blue-300">
                {lastSync.next === "queued" ? "A sync is queued" : "A sync is running now"}
              </p>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Tile({ label, value, note }: { label: string; value: ReactNode; note: string }) {
  return (
    <div className={`${SURFACE} px-4 py-3`}>
      <dt className={`text-xs font-medium uppercase tracking-wide ${MUTED}`}>{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      <dd className={`text-xs ${MUTED}`}>{note}</dd>
    </div>
  );
}
