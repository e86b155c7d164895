import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-100";

export function Field({ label, id, ...props }: InputHTMLAttributes<HTMLInputElement> & { label: string; id: string }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-slate-700">
      {label}
      <input id={id} name={id} className={CONTROL} {...props} />
    </label>
  );
}

/** A labelled select, styled like `Field`. `options` are `[value, label]` pairs. */
export function SelectField({ label, id, options, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string; options: readonly (readonly [string, string])[] }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-slate-700">
      {label}
      <select id={id} name={id} className={CONTROL} {...props}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>{text}</option>
        ))}
      </select>
    </label>
  );
}
