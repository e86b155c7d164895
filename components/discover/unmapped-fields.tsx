import Link from "next/link";
import { inboxHref } from "@/components/inbox/inbox-href";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { DiscoveredConnection, DiscoverTotals } from "@/lib/discover/read-model";
import { LINK, PILL } from "./styles";

const n = (value: number) => value.toLocaleString("en-US");
const plural = (count: number, word: string) => `${n(count)} ${word}${count === 1 ? "" : "s"}`;
/** Field names listed per stream; the universe below searches the rest. */
const LISTED = 100;

/**
 * Streams and fields the platform has seen that map to nothing: streams with no entity first, then
 * the streams with the most unmapped fields. Counts are over the accepted (or waiting) schemas.
 */
export function UnmappedFields({ connections, totals }: { connections: DiscoveredConnection[]; totals: DiscoverTotals }) {
  const streams = connections
    .flatMap((c) => c.streams.map((s) => ({ connection: c, stream: s, unmapped: s.fields.filter((f) => f.state === "unmapped") })))
    .filter((s) => s.unmapped.length > 0)
    .sort(
      (a, b) =>
        Number(a.stream.entity !== null) - Number(b.stream.entity !== null) ||
        b.unmapped.length - a.unmapped.length ||
        a.stream.name.localeCompare(b.stream.name),
    );
  return (
    <Card title="Seen but not yet mapped">
      <div className="space-y-3 text-sm" data-testid="unmapped-summary">
        {totals.fields === 0 ? (
          <p className={MUTED}>No fields seen yet: a stream&apos;s fields appear once a sync has read its schema.</p>
        ) : totals.unmappedFields === 0 ? (
          <p>
            Every one of the {plural(totals.fields, "field")} seen is mapped
            {totals.proposedFields > 0 ? " or has a proposal waiting for review" : ""}.
          </p>
        ) : (
          <p>
            <strong className="font-semibold">{n(totals.unmappedFields)}</strong> of {plural(totals.fields, "field")} seen map to no
            canonical field
            {totals.unmappedStreams > 0 && <>, and {plural(totals.unmappedStreams, "stream")} to no entity at all</>}. Their values stay in
            the stored records but reach no unified view.
          </p>
        )}
        {totals.proposedFields > 0 && (
          <p className={MUTED}>
            {plural(totals.proposedFields, "more field")} {totals.proposedFields === 1 ? "has" : "have"} a proposed target that waits in the{" "}
            <Link href={inboxHref({ kind: "mapping" })} className={LINK}>
              inbox
            </Link>
            .
          </p>
        )}
      </div>
      {streams.length > 0 && (
        <ul className="mt-4 space-y-2">
          {streams.map(({ connection, stream, unmapped }) => (
            <li
              key={`${connection.id}/${stream.name}`}
              className="rounded-md border border-slate-200 dark:border-slate-800"
              data-testid="unmapped-stream"
            >
              <details className="group">
                <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-2 gap-y-1 px-3 py-2 text-sm [&::-webkit-details-marker]:hidden">
                  <span aria-hidden className="text-slate-400 transition group-open:rotate-90">
                    ▸
                  </span>
                  <span className="font-mono font-medium [overflow-wrap:anywhere]">{stream.name}</span>
                  <span className={`text-xs ${MUTED}`}>
                    {n(unmapped.length)} of {plural(stream.counts.fields, "field")} · {connection.name}
                  </span>
                  {stream.entity === null && (
                    <span className={`${PILL} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}>no entity</span>
                  )}
                </summary>
                <ul
                  className="flex flex-wrap gap-1.5 border-t border-slate-100 px-3 py-2 dark:border-slate-800"
                  aria-label={`Unmapped fields of ${stream.name}`}
                >
                  {unmapped.slice(0, LISTED).map((f) => (
                    <li
                      key={f.name}
                      className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-700 [overflow-wrap:anywhere] dark:bg-slate-800 dark:text-slate-200"
                      title={f.type}
                    >
                      {f.name}
                    </li>
                  ))}
                  {unmapped.length > LISTED && (
                    <li className={`px-1.5 py-0.5 text-xs ${MUTED}`}>
                      and {n(unmapped.length - LISTED)} more: search for them in the data source universe
                    </li>
                  )}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
