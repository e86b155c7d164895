import Link from "next/link";
import { inboxHref } from "@/components/inbox/inbox-href";
import { MUTED, SURFACE } from "@/components/ui/tone";
import type { DiscoverTotals } from "@/lib/discover/read-model";
import { LINK } from "./styles";

const n = (value: number) => value.toLocaleString("en-US");

/** The counts at a glance: what was found, how much of it is mapped, and what waits for a person. */
export function DiscoverSummary({ totals }: { totals: DiscoverTotals }) {
  const tiles = [
    { label: "Sources", value: totals.connections },
    { label: "Streams", value: totals.streams },
    { label: "Fields seen", value: totals.fields },
    { label: "Fields mapped", value: totals.mappedFields },
    { label: "Fields proposed", value: totals.proposedFields },
    { label: "Fields not mapped", value: totals.unmappedFields },
  ];
  return (
    <section aria-label="Summary" className="space-y-2">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6">
        {tiles.map((t) => (
          <div key={t.label} className={`${SURFACE} px-4 py-3`}>
            <dt className={`text-xs font-medium uppercase tracking-wide ${MUTED}`}>{t.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{n(t.value)}</dd>
          </div>
        ))}
      </dl>
      {totals.waiting > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          <Link href={inboxHref({})} className={LINK}>
            {n(totals.waiting)} item{totals.waiting === 1 ? "" : "s"} wait{totals.waiting === 1 ? "s" : ""} for a person in the inbox
          </Link>
          : mapping proposals below the auto-approve threshold, repairs and held schema changes.
        </p>
      )}
    </section>
  );
}
