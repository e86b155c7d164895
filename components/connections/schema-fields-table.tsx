import { ScrollX } from "@/components/ui/scroll-x";
import type { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { typeWords } from "@/lib/aam/schema/type-words";
import { formatPercent, formatValue, truncate } from "./format";

const EXAMPLES = 2;

/** A schema's fields (name, type, whether it may be empty) with the sampled share of empty values and a couple of example values. */
export function SchemaFieldsTable({ fields, profile, label }: { fields: SchemaField[]; profile: SchemaProfile | null; label: string }) {
  if (fields.length === 0) return <p className="text-xs text-slate-500 dark:text-slate-400">No fields.</p>;
  return (
    <ScrollX label={label}>
      <table className="w-full min-w-[34rem] text-left text-xs [&_td]:pr-3 [&_th]:pr-3">
        <thead className="text-slate-500 dark:text-slate-400">
          <tr>
            <th className="py-1">Field</th>
            <th>Type</th>
            <th>Can be empty</th>
            <th>Empty in sample</th>
            <th>Examples</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const p = profile?.fields[f.name];
            return (
              <tr key={f.name} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="py-1 font-mono">{f.name}</td>
                <td>
                  {typeWords(f.type)}
                  {f.sourceType && <span className="text-slate-500 dark:text-slate-400"> ({f.sourceType})</span>}
                </td>
                <td>{f.nullable ? "Yes" : "No"}</td>
                <td>{p ? formatPercent(p.nullRate) : "–"}</td>
                <td className="max-w-xs break-words text-slate-600 dark:text-slate-300">
                  {p?.examples
                    .slice(0, EXAMPLES)
                    .map((v) => truncate(formatValue(v), 40))
                    .join(" · ")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollX>
  );
}
