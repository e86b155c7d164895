"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { CONTROL, MUTED } from "@/components/ui/tone";
import type { OntologyFieldType } from "@/lib/dcl/ontology/definition";
import { describeFilter, filterKey, filtersOf, viewHref, type FilterOp, type ViewParams } from "./view-href";

type Column = { name: string; type: OntologyFieldType };

/** What a person picks; "is empty" and "is not empty" are both the API's `null` operator. */
const CHOICES = [
  { id: "eq", label: "equals" },
  { id: "ne", label: "does not equal" },
  { id: "contains", label: "contains" },
  { id: "gt", label: "greater than" },
  { id: "gte", label: "at least" },
  { id: "lt", label: "less than" },
  { id: "lte", label: "at most" },
  { id: "empty", label: "is empty" },
  { id: "filled", label: "is not empty" },
] as const;
type Choice = (typeof CHOICES)[number]["id"];

const ORDERED: ReadonlySet<Choice> = new Set(["gt", "gte", "lt", "lte"]);
const PLACEHOLDERS: Partial<Record<OntologyFieldType, string>> = {
  integer: "a number",
  number: "a number",
  date: "YYYY-MM-DD",
  timestamp: "YYYY-MM-DD or a full time",
};

/**
 * The view's filters: each active one readable and removable, and a field, an operator and a
 * value to add one. Text compares without regard to case.
 */
export function ViewFilters({ entity, params, columns }: { entity: string; params: ViewParams; columns: Column[] }) {
  const router = useRouter();
  const [field, setField] = useState(columns[0]?.name ?? "");
  const [choice, setChoice] = useState<Choice>("eq");
  const [value, setValue] = useState("");
  const type = columns.find((c) => c.name === field)?.type ?? "string";
  const choices = CHOICES.filter((c) => type !== "boolean" || !ORDERED.has(c.id));
  const needsValue = choice !== "empty" && choice !== "filled";
  const filters = filtersOf(params);

  // A flag's value is picked from true and false, true until another is picked.
  const typed = type === "boolean" ? value || "true" : value.trim();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!field || (needsValue && !typed)) return;
    const op: FilterOp = needsValue ? (choice as FilterOp) : "null";
    router.push(viewHref(entity, params, { [filterKey(field, op)]: needsValue ? typed : String(choice === "empty"), offset: undefined }));
    setValue("");
  }

  function onField(name: string) {
    setField(name);
    setValue("");
    if (columns.find((c) => c.name === name)?.type === "boolean" && ORDERED.has(choice)) setChoice("eq");
  }

  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2" aria-label="Add a filter">
        <select
          aria-label="Filter field"
          value={field}
          onChange={(e) => onField(e.target.value)}
          className={`${CONTROL} max-w-full font-mono text-xs`}
        >
          {columns.map((c) => (
            <option key={c.name} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
        <select
          aria-label="Filter operator"
          value={choice}
          onChange={(e) => setChoice(e.target.value as Choice)}
          className={`${CONTROL} text-xs`}
        >
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
        {needsValue &&
          (type === "boolean" ? (
            <select aria-label="Filter value" value={typed} onChange={(e) => setValue(e.target.value)} className={`${CONTROL} text-xs`}>
              <option value="true">true</option>
              <option value="false">false</option>
            </select>
          ) : (
            <input
              aria-label="Filter value"
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={PLACEHOLDERS[type]}
              className={`${CONTROL} w-44 text-xs`}
            />
          ))}
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      {filters.length > 0 && <span className={`text-xs ${MUTED}`}>Text matches ignore case.</span>}
      {filters.map(([key, v]) => (
        <span
          key={key}
          className="inline-flex max-w-full items-center gap-1 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-700 dark:bg-blue-950 dark:text-blue-300"
          data-testid="view-filter"
        >
          <span className="break-all font-mono">{describeFilter(key, v)}</span>
          <Link
            href={viewHref(entity, params, { [key]: undefined, offset: undefined })}
            aria-label={`Remove the filter ${describeFilter(key, v)}`}
            className="font-semibold hover:text-brand-600 dark:hover:text-blue-200"
          >
            ×
          </Link>
        </span>
      ))}
      {filters.length > 1 && (
        <Link
          href={viewHref(entity, Object.fromEntries(Object.entries(params).filter(([key]) => key === "sort" || key === "limit")), {})}
          className="text-xs font-medium text-brand-700 hover:underline dark:text-blue-300"
        >
          Clear all filters
        </Link>
      )}
    </div>
  );
}
