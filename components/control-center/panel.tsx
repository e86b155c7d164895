import type { ReactNode } from "react";
import Link from "next/link";
import { SURFACE } from "@/components/ui/tone";
import type { PanelSource } from "@/lib/live-data/panels";
import { PanelBadge } from "@/components/ui/panel-badge";

const TITLE = "text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400";

/**
 * A Control Center panel: its title (a link to where to act, when given), its Live or Demo badge,
 * and its content. `testId` names it for tests.
 */
export function Panel({
  panel,
  href,
  children,
  className = "",
  testId,
}: {
  panel: PanelSource;
  href?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  const headingId = `panel-${panel.id}`;
  return (
    <section
      aria-labelledby={headingId}
      className={`${SURFACE} flex min-w-0 flex-col gap-3 p-4 sm:p-5 ${className}`}
      data-testid={testId ?? `panel-${panel.id}`}
    >
      <header className="flex items-center justify-between gap-2">
        <h2 id={headingId} className={TITLE}>
          {href ? (
            <Link href={href} className="hover:text-brand-700 hover:underline dark:hover:text-blue-300">
              {panel.title}
            </Link>
          ) : (
            panel.title
          )}
        </h2>
        <PanelBadge panel={panel} />
      </header>
      {children}
    </section>
  );
}

/** The KPI's headline number and what it counts. */
export function Headline({ value, label, title, testId }: { value: string; label: ReactNode; title?: string; testId?: string }) {
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <span className="text-3xl font-bold tabular-nums" title={title} data-testid={testId}>
        {value}
      </span>
      <span className="text-sm text-slate-600 dark:text-slate-300">{label}</span>
    </p>
  );
}

/** Secondary figures under a headline: label and value pairs. */
export function Facts({ items }: { items: { label: string; value: ReactNode; tone?: "warn" | "bad"; testId?: string }[] }) {
  const tone = { warn: "text-amber-700 dark:text-amber-300", bad: "text-red-700 dark:text-red-300" };
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-3 gap-y-1 text-sm">
      {items.map((i) => (
        <div key={i.label} className="contents">
          <dt className="text-slate-500 dark:text-slate-400">{i.label}</dt>
          <dd className={`text-right font-medium tabular-nums ${i.tone ? tone[i.tone] : ""}`} data-testid={i.testId}>
            {i.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
