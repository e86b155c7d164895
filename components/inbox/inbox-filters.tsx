"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { InboxCounts } from "@/lib/inbox/list";
import { inboxHref, type InboxFilter } from "./inbox-href";
import { CONTROL, MUTED } from "@/components/ui/tone";

type Kind = NonNullable<InboxFilter["kind"]>;

const KINDS: [Kind | undefined, string][] = [
  [undefined, "All"],
  ["repair", "Repairs"],
  ["mapping", "Mappings"],
  ["schema", "Schema changes"],
];

/** One link per kind with how many wait, and the connection to look at. */
export function InboxFilters({
  filter,
  counts,
  connections,
}: {
  filter: InboxFilter;
  counts: InboxCounts;
  connections: { id: string; name: string }[];
}) {
  const router = useRouter();
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <nav aria-label="Kinds of item" className="flex flex-wrap gap-1.5">
        {KINDS.map(([kind, label]) => {
          const active = filter.kind === kind;
          return (
            <Link
              key={label}
              href={inboxHref({ ...filter, kind })}
              aria-current={active ? "page" : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"}`}
            >
              {label}
              <span
                className={`rounded-full px-1.5 text-xs font-semibold ${active ? "bg-white/20" : "bg-slate-100 dark:bg-slate-800"}`}
                data-testid={`inbox-count-${kind ?? "total"}`}
              >
                {counts[kind ?? "total"]}
              </span>
            </Link>
          );
        })}
      </nav>
      {connections.length > 0 && (
        <label className={`flex min-w-0 items-center gap-2 text-sm ${MUTED}`}>
          Connection
          <select
            value={filter.connectionId ?? ""}
            onChange={(e) => router.push(inboxHref({ ...filter, connectionId: e.target.value || undefined }))}
            className={`${CONTROL} min-w-0 max-w-64 text-slate-900`}
          >
            <option value="">All connections</option>
            {connections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
