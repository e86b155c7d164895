"use client";

import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { CONTROL, MUTED, SURFACE } from "@/components/ui/tone";
import type { FaqEntry, FaqLink, FaqSection } from "./faq-content";

const LINK = "font-medium text-brand-700 hover:underline dark:text-blue-300";

const textOf = (section: FaqSection, entry: FaqEntry) => [section.title, entry.question, ...entry.answer.flat()].join(" ").toLowerCase();

/** The sections whose entries (with their section's title) hold every word of the query; all of them for an empty one. */
function filterFaq(sections: FaqSection[], query: string): FaqSection[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return sections;
  return sections
    .map((section) => ({ ...section, entries: section.entries.filter((e) => words.every((w) => textOf(section, e).includes(w))) }))
    .filter((section) => section.entries.length > 0);
}

/**
 * The questions as native disclosure widgets, grouped by section, with a filter over questions and
 * answers. A search opens what it finds; `#faq-<id>` in the address opens that entry.
 */
export function FaqList({ sections }: { sections: FaqSection[] }) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<Set<string>>(() => new Set());
  const shown = useMemo(() => filterFaq(sections, query), [sections, query]);

  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.replace(/^#faq-/, ""));
    if (id && sections.some((s) => s.entries.some((e) => e.id === id))) setOpen(new Set([id]));
  }, [sections]);

  function search(value: string) {
    setQuery(value);
    const found = filterFaq(sections, value);
    setOpen(value.trim() ? new Set(found.flatMap((s) => s.entries.map((e) => e.id))) : new Set());
  }
  function setEntryOpen(id: string, isOpen: boolean) {
    setOpen((current) => {
      if (current.has(id) === isOpen) return current;
      const next = new Set(current);
      if (isOpen) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const count = shown.reduce((n, s) => n + s.entries.length, 0);
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label className="block max-w-xl text-sm font-medium text-slate-700 dark:text-slate-300">
          Search the questions
          <input
            type="search"
            value={query}
            onChange={(e) => search(e.target.value)}
            placeholder="safe mode, roles, retries…"
            className={`mt-1 block w-full ${CONTROL}`}
          />
        </label>
        {query.trim() !== "" && (
          <p className={`text-sm ${MUTED}`} role="status">
            {count === 0 ? "No question matches." : `${count} question${count === 1 ? "" : "s"} match.`}
          </p>
        )}
      </div>
      {query.trim() === "" && (
        <nav aria-label="FAQ sections" className="flex flex-wrap gap-2 text-sm">
          {sections.map((s) => (
            <a
              key={s.id}
              href={`#section-${s.id}`}
              className="rounded-full border border-slate-300 px-3 py-1 text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
            >
              {s.title}
            </a>
          ))}
        </nav>
      )}
      {shown.map((section) => (
        <section key={section.id} id={`section-${section.id}`} aria-labelledby={`heading-${section.id}`} className="scroll-mt-4 space-y-2">
          <h2 id={`heading-${section.id}`} className="text-lg font-semibold">
            {section.title}
          </h2>
          <div className={`${SURFACE} divide-y divide-slate-200 dark:divide-slate-800`}>
            {section.entries.map((entry) => (
              <details
                key={entry.id}
                id={`faq-${entry.id}`}
                open={open.has(entry.id)}
                onToggle={(e) => setEntryOpen(entry.id, e.currentTarget.open)}
                className="group scroll-mt-4"
              >
                <summary className="flex cursor-pointer list-none items-start gap-3 px-4 py-3 font-medium hover:bg-slate-50 dark:hover:bg-slate-800/60 [&::-webkit-details-marker]:hidden">
                  <span aria-hidden className="mt-0.5 text-slate-400 transition group-open:rotate-90">
                    ▸
                  </span>
                  <span>{entry.question}</span>
                </summary>
                <div className="space-y-2 px-4 pb-4 pl-10 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
                  {entry.answer.map((block, i) =>
                    typeof block === "string" ? (
                      <p key={i}>{block}</p>
                    ) : (
                      <ul key={i} className="list-disc space-y-1 pl-5">
                        {block.map((item) => (
                          <li key={item}>{item}</li>
                        ))}
                      </ul>
                    ),
                  )}
                  {entry.links && entry.links.length > 0 && (
                    <p className="flex flex-wrap gap-x-4 gap-y-1 pt-1">
                      {entry.links.map((link) => (
                        <FaqLinkItem key={link.href} link={link} />
                      ))}
                    </p>
                  )}
                </div>
              </details>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

function FaqLinkItem({ link }: { link: FaqLink }) {
  const text = (
    <>
      {link.label}
      <span aria-hidden> →</span>
    </>
  );
  return link.external ? (
    <a href={link.href} className={LINK}>
      {text}
    </a>
  ) : (
    <Link href={link.href} className={LINK}>
      {text}
    </Link>
  );
}
