import { z } from "zod";
import { formatValue, truncate } from "@/components/connections/format";
import type { InboxItem } from "@/lib/inbox/list";
import { MUTED } from "@/components/ui/tone";

const Field = z.object({ field: z.string(), type: z.string() });
const RepairEvidence = z.object({
  before: Field.nullable().catch(null),
  after: Field.nullable().catch(null),
  values: z.array(z.object({ before: z.unknown(), after: z.unknown() })).catch([]),
});
const MappingEvidence = z.object({ examples: z.array(z.unknown()).catch([]) });
const SchemaEvidence = z.object({
  severity: z.string().catch("unknown"),
  previousType: z.string().nullable().catch(null),
  currentType: z.string().nullable().catch(null),
  details: z.record(z.string(), z.unknown()).catch({}),
});

const SEVERITY: Record<string, string> = {
  breaking: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
  potentially_breaking: "bg-amber-50 text-amber-700 dark:bg-amber-950 dark:text-amber-300",
  non_breaking: "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300",
};

/** What a person needs to judge an item: the lined-up values of a repair, a field's examples, a schema change's types. */
export function ItemEvidence({ item }: { item: InboxItem }) {
  if (item.kind === "repair") return <RepairValues item={item} />;
  if (item.kind === "mapping") return <Examples item={item} />;
  return <SchemaChange item={item} />;
}

function RepairValues({ item }: { item: InboxItem }) {
  const evidence = RepairEvidence.safeParse(item.evidence ?? {});
  const { before, after, values } = evidence.success ? evidence.data : { before: null, after: null, values: [] };
  if (values.length === 0) return <p className={`text-xs ${MUTED}`}>No values to compare from the same records.</p>;
  return (
    <table className="w-full table-fixed border-collapse text-left text-xs" data-testid="repair-values">
      <caption className={`pb-1 text-left ${MUTED}`}>Values from the same source records</caption>
      <thead className={MUTED}>
        <tr>
          <th scope="col" className="border-b border-slate-200 py-1 pr-2 font-medium dark:border-slate-700">
            before <span className="font-mono">({before ? before.field : "no old field"})</span>
          </th>
          <th scope="col" className="border-b border-slate-200 py-1 font-medium dark:border-slate-700">
            after <span className="font-mono">({after?.field ?? item.field})</span>
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {values.map((v, i) => (
          <tr key={i} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
            <td className="break-words py-1 pr-2 align-top">
              <Value value={v.before} />
            </td>
            <td className="break-words py-1 align-top">
              <Value value={v.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Examples({ item }: { item: InboxItem }) {
  const evidence = MappingEvidence.safeParse(item.evidence ?? {});
  const examples = evidence.success ? evidence.data.examples : [];
  if (examples.length === 0) return <p className={`text-xs ${MUTED}`}>No example values stored for this field.</p>;
  return (
    <div className="text-xs">
      <p className={`pb-1 ${MUTED}`}>Example values</p>
      <ul className="flex flex-wrap gap-1.5" aria-label={`Example values of ${item.field}`}>
        {examples.map((e, i) => (
          <li key={i} className="max-w-full break-words rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800">
            <Value value={e} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SchemaChange({ item }: { item: InboxItem }) {
  const evidence = SchemaEvidence.safeParse(item.evidence ?? {});
  if (!evidence.success) return null;
  const { severity, previousType, currentType, details } = evidence.data;
  const extra = Object.entries(details).filter(([, v]) => v !== null && typeof v !== "object");
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-xs">
      <dt className={MUTED}>Severity</dt>
      <dd>
        <span className={`rounded-full px-2 py-0.5 font-semibold ${SEVERITY[severity] ?? SEVERITY.non_breaking}`}>
          {severity.replaceAll("_", " ")}
        </span>
      </dd>
      {(previousType || currentType) && (
        <>
          <dt className={MUTED}>Type</dt>
          <dd className="font-mono">
            {previousType ?? "–"} → {currentType ?? "–"}
          </dd>
        </>
      )}
      {extra.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className={MUTED}>{labelOf(key)}</dt>
          <dd className="break-words font-mono">{truncate(formatValue(value), 80)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** `typeChange` as "Type change". */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Value({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className={`italic ${MUTED}`}>empty</span>;
  return <>{truncate(formatValue(value), 120)}</>;
}
