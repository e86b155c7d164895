import Link from "next/link";
import { formatPercent } from "@/components/connections/format";
import { StatusBadge } from "@/components/connections/status-badge";
import { ConfidenceBadge } from "@/components/dcl/confidence-badge";
import { inboxHref } from "@/components/inbox/inbox-href";
import { MUTED, SURFACE } from "@/components/ui/tone";
import type { DiscoveredConnection, DiscoveredStream } from "@/lib/discover/read-model";
import { StreamStateBadge } from "./state-badges";
import { LINK, PILL } from "./styles";

const n = (value: number) => value.toLocaleString("en-US");
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? "" : "s"}`;
/** Stream, entity, confidence, state: one grid on wide screens, stacked on phones. */
const COLUMNS = "md:grid md:grid-cols-[minmax(0,1fr)_10rem_6rem_11rem] md:items-center md:gap-4";

/** Each connection's streams with the entity the platform proposes for them, its confidence and where the mapping stands. */
export function DiscoveredStreams({
  connections,
  autoApproveThreshold,
}: {
  connections: DiscoveredConnection[];
  autoApproveThreshold: number;
}) {
  return (
    <section aria-labelledby="discovered-streams" className="space-y-3">
      <div className="space-y-1">
        <h2 id="discovered-streams" className="text-lg font-semibold">
          Streams and proposed entities
        </h2>
        <p className={`text-sm ${MUTED}`}>
          For each table, object, collection or file: the canonical entity most of its fields point to, the matcher&apos;s mean confidence
          over those fields, and whether the mapping is in force. Proposals at or above {formatPercent(autoApproveThreshold)} are approved
          on their own; the rest wait in the inbox.
        </p>
      </div>
      {connections.map((c) => (
        <ConnectionStreams key={c.id} connection={c} />
      ))}
    </section>
  );
}

function ConnectionStreams({ connection: c }: { connection: DiscoveredConnection }) {
  return (
    <article className={`${SURFACE} p-4`} aria-labelledby={`connection-${c.id}`} data-testid="discovered-connection">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <h3 id={`connection-${c.id}`} className="font-semibold [overflow-wrap:anywhere]">
          <Link href={`/connections/${c.id}`} className={LINK}>
            {c.name}
          </Link>
        </h3>
        <span className={`text-sm ${MUTED}`}>{c.typeLabel}</span>
        <StatusBadge status={c.status} />
        {c.safeMode && <span className={`${PILL} bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300`}>safe mode</span>}
        {c.waiting > 0 && (
          <Link href={inboxHref({ connectionId: c.id })} className={`text-sm ${LINK}`}>
            {plural(c.waiting, "item")} to review
          </Link>
        )}
      </header>
      {c.safeMode && (
        <p className={`mt-2 text-xs ${MUTED}`}>
          Onboarding in safe mode: read-only samples, every mapping only proposed, and no unified view includes it until someone promotes it
          on its connection page.
        </p>
      )}
      {c.streams.length === 0 ? (
        <p className={`mt-3 text-sm ${MUTED}`}>
          No streams discovered yet. The first sync reads the source&apos;s tables, objects, collections or files.
        </p>
      ) : (
        <div className="mt-3">
          <div aria-hidden className={`hidden pb-1 text-xs font-medium uppercase tracking-wide ${MUTED} ${COLUMNS}`}>
            <span>Stream</span>
            <span>Proposed entity</span>
            <span>Confidence</span>
            <span>Mapping</span>
          </div>
          <ul className="divide-y divide-slate-100 border-t border-slate-100 dark:divide-slate-800 dark:border-slate-800">
            {c.streams.map((s) => (
              <StreamRow key={s.name} connectionId={c.id} stream={s} />
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

function StreamRow({ connectionId, stream: s }: { connectionId: string; stream: DiscoveredStream }) {
  return (
    <li className={`flex flex-wrap items-center gap-x-3 gap-y-1.5 py-2.5 ${COLUMNS}`} data-testid="discovered-stream">
      <div className="w-full min-w-0 md:w-auto">
        <p className="font-mono text-sm font-medium [overflow-wrap:anywhere]">{s.name}</p>
        <p className={`text-xs ${MUTED}`}>
          {s.recordsHeld === null ? "records not counted" : plural(s.recordsHeld, "record")} · {plural(s.counts.fields, "field")} ·{" "}
          {n(s.counts.mapped)} mapped
          {s.schemaWaiting && " · schema change waiting"}
        </p>
      </div>
      <div className="text-sm" data-testid="proposed-entity">
        <span className={`md:sr-only ${MUTED}`}>Entity: </span>
        {s.entity === null ? (
          <span className="italic text-slate-500 dark:text-slate-400">none</span>
        ) : s.state === "mapped" ? (
          <Link href={`/ontology/${s.entity}`} className={`font-mono ${LINK}`}>
            {s.entity}
          </Link>
        ) : (
          <span className="font-mono">{s.entity}</span>
        )}
      </div>
      <div title={s.confidence === null ? undefined : `Mean confidence of the ${plural(s.entityFields, "field")} pointing to ${s.entity}`}>
        <span className="sr-only">Confidence: </span>
        {s.confidence === null ? <span className={`text-xs ${MUTED}`}>—</span> : <ConfidenceBadge confidence={s.confidence} />}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <StreamStateBadge state={s.state} />
        {s.counts.waiting > 0 && (
          <Link href={inboxHref({ connectionId })} className={`text-xs ${LINK}`}>
            {n(s.counts.waiting)} to review
          </Link>
        )}
      </div>
    </li>
  );
}
