"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { filtersOf, viewHref, type ViewParams } from "./view-href";

/** The view's equals filters: each active one removable, and a field / value pair to add one. */
export function ViewFilters({ entity, params, columns }: { entity: string; params: ViewParams; columns: string[] }) {
  const router = useRouter();
  const [field, setField] = useState(columns[0] ?? "");
  const [value, setValue] = useState("");
  const filters = filtersOf(params);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!field || !value.trim()) return;
    router.push(viewHref(entity, params, { [field]: value.trim(), offset: undefined }));
    setValue("");
  }

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label="Add a filter">
        <select aria-label="Filter field" value={field} onChange={(e) => setField(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
          {columns.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <span className="text-slate-500 dark:text-slate-400">=</span>
        <input aria-label="Filter value" value={value} onChange={(e) => setValue(e.target.value)} className="w-48 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-xs dark:border-slate-600 dark:bg-slate-800" />
        <Button type="submit" variant="secondary">Filter</Button>
      </form>
      {filters.map(([key, v]) => (
        <span key={key} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 dark:bg-blue-950 dark:text-blue-300" data-testid="view-filter">
          <span className="font-mono">{key} = {v}</span>
          <Link href={viewHref(entity, params, { [key]: undefined, offset: undefined })} aria-label={`Remove the filter on ${key}`} className="font-semibold hover:text-brand-600 dark:hover:text-blue-200">×</Link>
        </span>
      ))}
    </div>
  );
}
