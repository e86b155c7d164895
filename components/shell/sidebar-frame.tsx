"use client";

import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { CloseIcon, MenuIcon } from "@/components/shell/nav-icons";

const SIDEBAR_ID = "app-sidebar";

/**
 * From `lg` up the sidebar stays at the left. Below it a top bar shows the brand and a Menu button
 * that opens the same sidebar as a drawer under the bar; the drawer closes on Escape, on a click
 * outside it, and on navigation (it is open only on the page where it was opened).
 */
export function SidebarFrame({ brand, children }: { brand: ReactNode; children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  // A link to the page already shown changes no pathname, so a followed link closes the drawer too.
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as Element).closest("a")) setOpenOn(null);
  };

  return (
    <>
      <header className="sticky top-0 z-40 flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 lg:hidden dark:border-slate-800 dark:bg-slate-900">
        {brand}
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={SIDEBAR_ID}
          onClick={() => setOpenOn(open ? null : pathname)}
          className="inline-flex items-center gap-2 rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          {open ? <CloseIcon className="size-4" /> : <MenuIcon className="size-4" />}
          Menu
        </button>
      </header>
      {open && <div aria-hidden className="fixed inset-0 top-14 z-30 bg-slate-950/40 lg:hidden" onClick={() => setOpenOn(null)} />}
      <aside
        id={SIDEBAR_ID}
        onClick={closeOnLink}
        className={`flex-col border-slate-200 bg-white lg:sticky lg:top-0 lg:flex lg:h-screen lg:w-60 lg:shrink-0 lg:overflow-y-auto lg:border-r dark:border-slate-800 dark:bg-slate-900 ${
          open
            ? "max-lg:fixed max-lg:top-14 max-lg:bottom-0 max-lg:left-0 max-lg:z-40 max-lg:flex max-lg:w-72 max-lg:max-w-[85vw] max-lg:overflow-y-auto max-lg:border-r max-lg:shadow-xl"
            : "max-lg:hidden"
        }`}
      >
        {children}
      </aside>
    </>
  );
}
