import Link from "next/link";
import { Card } from "@/components/ui/card";
import { ScrollX } from "@/components/ui/scroll-x";
import type { listViews } from "@/lib/dcl/views/query";

type View = Awaited<ReturnType<typeof listViews>>["views"][number];

/** Every unified view with its row count and the streams feeding it, from the current build. */
export function ViewsTable({ views, connectionNames }: { views: View[]; connectionNames: Record<string, string> }) {
  return (
    <Card title="Unified views">
      <ScrollX label="Unified views">
        <table className="w-full min-w-[36rem] text-left text-sm">
          <thead className="text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-2">View</th>
              <th className="text-right">Rows</th>
              <th className="pl-6">Fed by</th>
            </tr>
          </thead>
          <tbody>
            {views.map((v) => (
              <tr key={v.entity} className="border-t border-slate-100 align-top dark:border-slate-800" data-testid="unified-view">
                <td className="py-2">
                  <Link href={`/ontology/${v.entity}`} className="font-mono font-medium text-brand-700 hover:underline dark:text-blue-300">
                    {v.entity}
                  </Link>
                  {v.description && <p className="text-xs text-slate-500 dark:text-slate-400">{v.description}</p>}
                </td>
                <td className="py-2 text-right tabular-nums" data-testid="unified-view-rows">
                  {v.rows.toLocaleString("en")}
                </td>
                <td className="py-2 pl-6">
                  {v.sources.length === 0 ? (
                    <span className="text-xs text-slate-500 dark:text-slate-400">no approved mappings</span>
                  ) : (
                    <ul className="space-y-0.5 text-xs">
                      {v.sources.map((s) => (
                        <li key={`${s.connectionId}:${s.stream}`}>
                          <span className="font-mono text-slate-700 dark:text-slate-300">{s.stream}</span>
                          <span className="text-slate-500 dark:text-slate-400">
                            {" "}
                            · {connectionNames[s.connectionId] ?? "deleted connection"} · {s.rows.toLocaleString("en")} rows,{" "}
                            {s.mappedFields} fields, mapping v{s.mappingVersion}
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollX>
    </Card>
  );
}
