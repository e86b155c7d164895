"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this box instead of widening the page (size containment
 * keeps its content from stretching the layout). While it does overflow, the box is a named region
 * in the tab order, so it can be scrolled from the keyboard; when everything fits it is a plain box.
 */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [overflows, setOverflows] = useState(false);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setOverflows(el.scrollWidth > el.clientWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={box}
      className="overflow-x-auto rounded-sm [contain:inline-size] focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:focus-visible:outline-blue-300"
      {...(overflows ? { role: "region", "aria-label": label, tabIndex: 0 } : {})}
    >
      {children}
    </div>
  );
}
