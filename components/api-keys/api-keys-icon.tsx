import type { SVGProps } from "react";

/** A key, drawn like the navigation's line icons (components/shell/nav-icons.tsx): 24-unit grid, hidden from assistive tech. */
export const ApiKeysIcon = (p: SVGProps<SVGSVGElement>) => (
  <svg
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.75}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden
    focusable="false"
    {...p}
  >
    <circle cx="8" cy="15.5" r="4" />
    <path d="M10.9 12.6L19.5 4M16 7.5l2.5 2.5M13.75 9.75l2 2" />
  </svg>
);
