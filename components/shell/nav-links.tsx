"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/control-center", label: "Control center" },
  { href: "/connections", label: "Connections" },
  { href: "/ontology", label: "Ontology" },
  { href: "/orchestration", label: "Orchestration" },
  { href: "/team", label: "Team" },
  { href: "/invitations", label: "Invitations" },
];

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav className="flex flex-col gap-1 px-3">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          className={`rounded-md px-3 py-2 text-sm ${pathname.startsWith(l.href) ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
