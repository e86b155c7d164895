import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { listQuarantine } from "@/lib/aam/streams";
import { truncate } from "./format";
import { LocalTime } from "./local-time";

type QuarantinedRecord = Awaited<ReturnType<typeof listQuarantine>>["records"][number];

const RAW_CHARS = 160;

/** Records a sync could not read, with the reason; they are kept, never dropped. */
export function QuarantineTable({ records, limit }: { records: QuarantinedRecord[]; limit: number }) {
  return (
    <Card title="Quarantine">
      {records.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">
          No records set aside. A row a sync cannot read is kept here with the reason, never dropped.
        </p>
      ) : (
        <>
          <ScrollX label="Quarantined records">
            <table className="w-full min-w-[44rem] table-fixed text-left text-sm">
              <thead className="text-slate-500 dark:text-slate-400">
                <tr>
                  <th className="w-1/6 py-2">From</th>
                  <th className="w-1/6">Where</th>
                  <th className="w-1/4">Why</th>
                  <th>As read</th>
                  <th className="w-36">When</th>
                </tr>
              </thead>
              <tbody>
                {records.map((q) => (
                  <tr key={q.id} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="quarantined-record">
                    <td className="truncate py-2 text-xs">{q.stream}</td>
                    <td className="text-xs text-slate-600 dark:text-slate-300">{q.location ?? "–"}</td>
                    <td className="text-xs text-red-700 dark:text-red-300">{q.reason}</td>
                    <td>
                      <code className="block break-all text-xs text-slate-700 dark:text-slate-300">{truncate(q.raw, RAW_CHARS)}</code>
                    </td>
                    <td className="text-xs text-slate-500 dark:text-slate-400">
                      <LocalTime value={q.observedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollX>
          {records.length === limit && <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">The latest {limit} are shown.</p>}
        </>
      )}
    </Card>
  );
}
