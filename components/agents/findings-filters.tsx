"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { CONTROL, MUTED } from "@/components/ui/tone";
import { findingsHref, type FindingsFilter, type StatusFilter } from "./findings-href";
import { kindLabel } from "./format";

const STATUSES: [StatusFilter, string][] = [
  ["active", "Open and acknowledged"],
  ["all", "All"],
  ["open", "Open"],
  ["acknowledged", "Acknowledged"],
  ["resolved", "Resolved"],
  ["dismissed", "Dismissed"],
];

/** Which findings to show: by status (open and acknowledged unless asked), agent and kind. */
export function FindingsFilters({
  filter,
  agents,
  kinds,
}: {
  filter: FindingsFilter;
  agents: { slug: string; name: string }[];
  kinds: string[];
}) {
  const router = useRouter();
  const status = filter.status ?? "active";
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <nav aria-label="Finding status" className="flex flex-wrap gap-1.5">
        {STATUSES.map(([value, label]) => {
          const active = status === value;
          return (
            <Link
              key={value}
              href={findingsHref({ ...filter, status: value })}
              aria-current={active ? "page" : undefined}
              scroll={false}
              className={`rounded-full border px-3 py-1 text-sm ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800"}`}
            >
              {label}
            </Link>
          );
        })}
      </nav>
      <div className="flex min-w-0 flex-wrap gap-3">
        <label className={`flex min-w-0 items-center gap-2 text-sm ${MUTED}`}>
          Agent
          <select
            value={filter.agent ?? ""}
            onChange={(e) => router.push(findingsHref({ ...filter, agent: e.target.value || undefined }), { scroll: false })}
            className={`${CONTROL} min-w-0 max-w-48 text-slate-900`}
          >
            <option value="">All agents</option>
            {agents.map((a) => (
              <option key={a.slug} value={a.slug}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className={`flex min-w-0 items-center gap-2 text-sm ${MUTED}`}>
          Kind
          <select
            value={filter.kind ?? ""}
            onChange={(e) => router.push(findingsHref({ ...filter, kind: e.target.value || undefined }), { scroll: false })}
            className={`${CONTROL} min-w-0 max-w-56 text-slate-900`}
          >
            <option value="">All kinds</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
