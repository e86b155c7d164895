"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/control-center", label: "Control center" },
  { href: "/inbox", label: "Inbox" },
  { href: "/connections", label: "Connections" },
  { href: "/ontology", label: "Ontology" },
  { href: "/orchestration", label: "Orchestration" },
  { href: "/agents", label: "Agents" },
  { href: "/assistant", label: "Assistant" },
  { href: "/team", label: "Team" },
  { href: "/invitations", label: "Invitations" },
];

const IDLE = "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";
const ACTIVE = "bg-brand-50 font-semibold text-brand-700 dark:bg-slate-800 dark:text-blue-300";

/** The signed-in navigation; `inboxCount` items waiting for a person badge the Inbox link. */
export function NavLinks({ inboxCount = 0 }: { inboxCount?: number }) {
  const pathname = usePathname();
  return (
    <nav className="flex flex-wrap gap-1 px-3 md:flex-col">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} className={`flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm ${pathname.startsWith(l.href) ? ACTIVE : IDLE}`}>
          {l.label}
          {l.href === "/inbox" && inboxCount > 0 && (
            <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="inbox-badge">
              {inboxCount}
              <span className="sr-only"> waiting</span>
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
