import { z } from "zod";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import type { StreamFigures, SyncProblem } from "@/lib/aam/connection-figures";
import type { StreamDto } from "@/lib/aam/dto";
import { SchemaField, SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { counted } from "@/lib/tasks/summarize-result";
import { LocalTime } from "./local-time";
import { SchemaFieldsTable } from "./schema-fields-table";

const Fields = z.array(SchemaField);
const PILL = "inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold";

type Props = { streams: StreamDto[]; figures: Record<string, StreamFigures>; problems: SyncProblem[]; noun: { one: string; many: string } };

/**
 * Each stream in one line (fields, records held, fields mapped, a schema change waiting, a problem
 * reading it), its schema folded away until opened. A connection with a single stream shows it open.
 */
export function StreamList({ streams, figures, problems, noun }: Props) {
  const unread = problems.filter((p) => !streams.some((s) => s.name === p.stream));
  return (
    <Card title={`${noun.many.charAt(0).toUpperCase()}${noun.many.slice(1)} and their fields`}>
      {streams.length === 0 && unread.length === 0 ? (
        <p className={`text-sm ${MUTED}`}>Nothing read yet. A sync finds the source&apos;s {noun.many} and their fields.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {streams.map((s) => (
            <li key={s.name} className="py-1">
              <Stream
                stream={s}
                figures={figures[s.name]}
                problem={problems.find((p) => p.stream === s.name)}
                open={streams.length === 1}
              />
            </li>
          ))}
          {unread.map((p) => (
            <li key={p.stream} className="py-2 text-sm" data-testid="stream-problem">
              <span className="font-semibold [overflow-wrap:anywhere]">{p.stream}</span>{" "}
              <span className={`${PILL} bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300`}>Not read</span>
              <p className="mt-1 text-red-700 dark:text-red-300">{p.message}</p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Stream({
  stream: s,
  figures,
  problem,
  open,
}: {
  stream: StreamDto;
  figures: StreamFigures | undefined;
  problem: SyncProblem | undefined;
  open: boolean;
}) {
  const fields = Fields.safeParse(s.schema?.fields ?? s.pendingSchema?.fields);
  const held = figures?.recordsHeld;
  const waiting = figures?.waitingChanges ?? 0;
  const facts = [
    fields.success ? counted(fields.data.length, "field") : null,
    held === null || held === undefined ? null : counted(held, "record"),
    fields.success ? `${figures?.fieldsMapped ?? 0} mapped` : null,
  ].filter(Boolean);
  return (
    <details open={open} className="group" data-testid="stream">
      <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-md py-2 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60 [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block w-3 text-slate-500 transition-transform group-open:rotate-90 dark:text-slate-400">
          ▸
        </span>
        <h3 className="font-semibold [overflow-wrap:anywhere]">{s.name}</h3>
        <span className="text-slate-600 dark:text-slate-300">{facts.join(" · ")}</span>
        {(s.pendingSchema || waiting > 0) && (
          <span className={`${PILL} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>
            {waiting > 1 ? `${waiting} schema changes waiting for review` : "Schema change waiting for review"}
          </span>
        )}
        {s.status === "removed" && (
          <span className={`${PILL} bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}>No longer in the source</span>
        )}
        {problem && <span className={`${PILL} bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300`}>Not read in the last sync</span>}
      </summary>
      <div className="space-y-3 pb-3 pl-6">
        <p className={`text-xs ${MUTED}`}>
          Last read <LocalTime value={s.lastReadAt} />
        </p>
        {problem && <p className="text-sm text-red-700 dark:text-red-300">{problem.message}</p>}
        {s.pendingSchema && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-900 dark:bg-amber-950">
            <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">
              The schema the source has now, waiting for review
            </p>
            <Schema schema={s.pendingSchema} label={`Waiting fields of ${s.name}`} />
          </div>
        )}
        {s.schema ? (
          <Schema schema={s.schema} label={`Fields of ${s.name}`} />
        ) : (
          <p className={`text-xs ${MUTED}`}>No accepted schema yet.</p>
        )}
      </div>
    </details>
  );
}

/** Fingerprint columns are JSON in the database: read them through their schemas. */
function Schema({ schema, label }: { schema: NonNullable<StreamDto["schema"]>; label: string }) {
  const fields = Fields.safeParse(schema.fields);
  const profile = SchemaProfile.safeParse(schema.profile);
  if (!fields.success) return <p className="text-xs text-red-700 dark:text-red-300">This schema could not be read.</p>;
  return <SchemaFieldsTable fields={fields.data} profile={profile.success ? profile.data : null} label={label} />;
}
