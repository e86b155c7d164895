import Link from "next/link";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import { inboxHref } from "@/components/inbox/inbox-href";
import { CHANGE_STATUS_WORDS, type ChangeStatus, type TimelineChange, type TimelineGroup } from "@/lib/aam/drift/timeline-words";
import { LocalTime } from "./local-time";

/** Groups shown open; older ones fold away. */
const LATEST = 3;

const STATUS_TONE: Record<ChangeStatus, string> = {
  applied: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  accepted: "bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-300",
  rejected: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  superseded: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** The connection's schema changes over time, by the sync that saw them, newest first, in words. */
export function DriftTimeline({ connectionId, groups, truncated }: { connectionId: string; groups: TimelineGroup[]; truncated: boolean }) {
  const waiting = groups.reduce((n, g) => n + g.waiting, 0);
  const older = groups.slice(LATEST);
  return (
    <Card title="Schema changes">
      {groups.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>
          No schema changes seen yet. When a sync finds fields added, removed, renamed or retyped, they are listed here.
        </p>
      ) : (
        <div className="space-y-3">
          {waiting > 0 && (
            <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
              {waiting === 1 ? "1 change waits" : `${waiting.toLocaleString("en-US")} changes wait`} for review.{" "}
              <Link href={inboxHref({ connectionId, kind: "schema" })} className="font-semibold underline">
                Review in the Inbox
              </Link>
            </p>
          )}
          <Groups groups={groups.slice(0, LATEST)} />
          {older.length > 0 && (
            <details className="group">
              <summary className="cursor-pointer text-sm font-medium text-brand-700 hover:underline dark:text-blue-300">
                <span className="group-open:hidden">Show {older.length === 1 ? "1 earlier sync" : `${older.length} earlier syncs`}</span>
                <span className="hidden group-open:inline">Hide earlier syncs</span>
              </summary>
              <div className="mt-3">
                <Groups groups={older} />
              </div>
            </details>
          )}
          {truncated && <p className={`text-xs ${MUTED}`}>Only the latest changes are listed.</p>}
        </div>
      )}
    </Card>
  );
}

function Groups({ groups }: { groups: TimelineGroup[] }) {
  return (
    <ol className="space-y-4 border-l-2 border-slate-200 pl-4 dark:border-slate-700">
      {groups.map((g) => (
        <li key={g.key} className="relative" data-testid="drift-group">
          <span
            aria-hidden
            className={`absolute top-1.5 -left-[1.3rem] h-2.5 w-2.5 rounded-full ${g.waiting > 0 ? "bg-amber-500" : "bg-slate-400 dark:bg-slate-500"}`}
          />
          <p className={`text-xs font-medium ${MUTED}`}>
            {g.bySync ? (
              <>
                Sync of <LocalTime value={g.at} />
              </>
            ) : (
              <>
                Seen on <LocalTime value={g.at} dateOnly />
              </>
            )}
            {" · "}
            {g.changes.length === 1 ? "1 change" : `${g.changes.length} changes`}
          </p>
          <ul className="mt-1 space-y-1.5">
            {g.changes.map((c) => (
              <Change key={c.key} change={c} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}

function Change({ change: c }: { change: TimelineChange }) {
  return (
    <li className="text-sm [overflow-wrap:anywhere]" data-testid="drift-event">
      <span className={`mr-2 inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_TONE[c.status]}`}>
        {CHANGE_STATUS_WORDS[c.status]}
      </span>
      <span className="font-medium">{c.words}</span>
      {c.detail && (
        <span className="text-slate-600 dark:text-slate-300">{c.detailKind === "fields" ? `: ${c.detail}` : ` (${c.detail})`}</span>
      )}
      {c.breaking && <span className="ml-2 text-xs font-semibold text-red-700 dark:text-red-300">May break mapped fields</span>}
    </li>
  );
}
