import Link from "next/link";

const TAB = "rounded-full border px-3 py-1 text-sm";
const ACTIVE = "border-brand-600 bg-brand-600 text-white";
const IDLE =
  "border-slate-300 bg-white text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";

/** One tab per persona; the page's `?persona=` chooses the summary shown. */
export function PersonaTabs({ current, personas }: { current: string; personas: { id: string; title: string }[] }) {
  return (
    <nav aria-label="Persona" className="flex flex-wrap gap-1.5">
      {personas.map((p) => (
        <Link
          key={p.id}
          href={`/assistant?persona=${p.id}`}
          scroll={false}
          aria-current={p.id === current ? "page" : undefined}
          className={`${TAB} ${p.id === current ? ACTIVE : IDLE}`}
          title={p.title}
        >
          {p.id.toUpperCase()}
        </Link>
      ))}
    </nav>
  );
}
