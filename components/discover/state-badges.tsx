import type { FieldState, StreamState } from "@/lib/discover/summarize";
import { PILL } from "./styles";

const STREAM: Record<StreamState, { label: string; tone: string }> = {
  mapped: { label: "Mapped", tone: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300" },
  review: { label: "Waiting for review", tone: "bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300" },
  unmapped: { label: "Unmapped", tone: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
};

/** Whether a stream feeds an entity, waits for a person, or maps to nothing. */
export function StreamStateBadge({ state }: { state: StreamState }) {
  return <span className={`${PILL} ${STREAM[state].tone}`}>{STREAM[state].label}</span>;
}

/** A field's canonical target: in force, proposed (waiting for review), or none. */
export function FieldTarget({ target, state }: { target: string | null; state: FieldState }) {
  if (!target || state === "unmapped") return <span className="text-xs italic text-slate-500 dark:text-slate-400">not mapped</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <span className="font-mono text-xs [overflow-wrap:anywhere]">{target}</span>
      {state === "proposed" && <span className={`${PILL} bg-amber-50 text-amber-800 dark:bg-amber-950 dark:text-amber-300`}>proposed</span>}
    </span>
  );
}
