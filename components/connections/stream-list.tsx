import { z } from "zod";
import { Card } from "@/components/ui/card";
import type { StreamDto } from "@/lib/aam/dto";
import { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { LocalTime } from "./local-time";
import { SchemaFieldsTable } from "./schema-fields-table";

const Fields = z.array(SchemaField);

/** Each stream with its accepted schema, and the schema waiting for approval highlighted. */
export function StreamList({ streams }: { streams: StreamDto[] }) {
  return (
    <Card title="Streams">
      {streams.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No streams yet. A sync discovers the source&apos;s tables, objects, collections or files.</p>
      ) : (
        <div className="space-y-5">
          {streams.map((s) => (
            <article key={s.name} data-testid="stream">
              <header className="mb-2 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <h3 className="font-mono font-semibold">{s.name}</h3>
                {s.status !== "active" && <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-600 dark:bg-slate-800 dark:text-slate-300">{s.status}</span>}
                <span className="text-slate-600 dark:text-slate-300">{s.recordCount.toLocaleString("en")} records</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">last read <LocalTime value={s.lastReadAt} /></span>
              </header>
              {s.pendingSchema && (
                <div className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950">
                  <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-amber-800 dark:text-amber-300">Pending schema, awaiting approval</p>
                  <Schema schema={s.pendingSchema} label={`Pending fields of ${s.name}`} />
                </div>
              )}
              {s.schema ? <Schema schema={s.schema} label={`Fields of ${s.name}`} /> : <p className="text-xs text-slate-500 dark:text-slate-400">No accepted schema yet.</p>}
            </article>
          ))}
        </div>
      )}
    </Card>
  );
}

/** Fingerprint columns are JSON in the database: read them through their schemas. */
function Schema({ schema, label }: { schema: NonNullable<StreamDto["schema"]>; label: string }) {
  const fields = Fields.safeParse(schema.fields);
  const profile = SchemaProfile.safeParse(schema.profile);
  if (!fields.success) return <p className="text-xs text-red-700 dark:text-red-300">This schema could not be read.</p>;
  return <SchemaFieldsTable fields={fields.data} profile={profile.success ? profile.data : null} label={label} />;
}
