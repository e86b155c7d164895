import { Card } from "@/components/ui/card";
import type { listEvents } from "@/lib/aam/streams";
import { LocalTime } from "./local-time";

type CanonicalEvent = Awaited<ReturnType<typeof listEvents>>["events"][number];

const OPERATION_WORDS: Record<string, string> = { upsert: "added or changed", delete: "deleted" };

/** The latest canonical events read from the connection, payload folded away. */
export function RecentRecords({ events }: { events: CanonicalEvent[] }) {
  return (
    <Card title="Recent records">
      {events.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No records read yet. They appear here after a sync.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {events.map((e) => (
            <li key={e.id} className="py-2" data-testid="recent-record">
              <details>
                <summary className="cursor-pointer [overflow-wrap:anywhere]">
                  <span className="font-medium">{e.stream}</span>
                  <span className="mx-2 font-mono text-xs text-slate-600 dark:text-slate-300">{e.sourceRecordId}</span>
                  <span className="inline-block text-xs text-slate-500 dark:text-slate-400">
                    {OPERATION_WORDS[e.operation] ?? e.operation} · <LocalTime value={e.observedAt} />
                  </span>
                </summary>
                <pre
                  tabIndex={0}
                  className="mt-2 max-h-80 overflow-auto whitespace-pre-wrap rounded-md bg-slate-50 p-3 text-xs [overflow-wrap:anywhere] dark:bg-slate-800/60"
                >
                  {JSON.stringify(e.payload, null, 2)}
                </pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
