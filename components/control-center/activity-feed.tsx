import Link from "next/link";
import { MUTED } from "@/components/ui/tone";
import type { ActivityItem } from "@/lib/control-center/activity";
import type { PanelSource } from "@/lib/live-data/panels";
import { formatRelative } from "./format";
import { Panel } from "./panel";

const DOT: Record<ActivityItem["tone"], string> = {
  ok: "bg-emerald-500",
  info: "bg-blue-500",
  warn: "bg-amber-500",
  error: "bg-red-500",
};
const TONE_WORDS: Record<ActivityItem["tone"], string> = { ok: "", info: "", warn: "Needs a look: ", error: "Failed: " };

/** The latest things that happened, newest first, each a link to where to look. */
export function ActivityFeed({ panel, items, now }: { panel: PanelSource; items: ActivityItem[]; now: Date }) {
  return (
    <Panel panel={panel}>
      {items.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>
          Nothing has happened yet. Syncs, schema changes, decisions and agent runs appear here as they happen.
        </p>
      ) : (
        <ol className="-my-1 divide-y divide-slate-100 dark:divide-slate-800" data-testid="activity-list">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 py-2 text-sm" data-testid="activity-item">
              <span className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[item.tone]}`} aria-hidden />
              <Link href={item.href} className="min-w-0 flex-1 break-words hover:underline">
                {TONE_WORDS[item.tone] && <span className="sr-only">{TONE_WORDS[item.tone]}</span>}
                {item.text}
              </Link>
              <time
                dateTime={item.at.toISOString()}
                title={item.at.toISOString().replace("T", " ").slice(0, 16) + " UTC"}
                className={`shrink-0 text-xs whitespace-nowrap ${MUTED}`}
              >
                {formatRelative(item.at, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
