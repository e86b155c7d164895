import { CONTROL } from "@/components/ui/tone";

export type TargetGroup = { entity: string; fields: string[] };

/** The value that stands for "no mapping": the field is kept out of the views. */
export const NO_MAPPING = "";

/** The ontology's targets ("entity.field") grouped by entity, and "no mapping". */
export function TargetSelect({
  id,
  value,
  onChange,
  targets,
  label,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  targets: TargetGroup[];
  label: string;
}) {
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      className={`${CONTROL} max-w-full font-mono text-xs`}
    >
      <option value={NO_MAPPING}>no mapping (keep it out of the views)</option>
      {targets.map((g) => (
        <optgroup key={g.entity} label={g.entity}>
          {g.fields.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
