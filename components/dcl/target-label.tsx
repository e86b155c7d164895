/** An ontology target ("entity.field"), or "none" for a field left unmapped. */
export function TargetLabel({ target }: { target: string | null }) {
  if (!target) return <span className="text-xs italic text-slate-500 dark:text-slate-400">none</span>;
  return <span className="font-mono text-xs">{target}</span>;
}
