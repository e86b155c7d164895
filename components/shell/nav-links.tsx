"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ComponentType } from "react";
import * as icons from "@/components/shell/nav-icons";

/**
 * What a page is about, and its colour: green for the data sources, blue for the ontology, purple
 * for the agents; the platform's own pages stay neutral.
 */
type Area = "platform" | "data" | "ontology" | "agents";

type NavLink = { href: string; label: string; area: Area; Icon: ComponentType<icons.IconProps> };

const GROUPS: NavLink[][] = [
  [
    { href: "/control-center", label: "Control center", area: "platform", Icon: icons.ControlCenterIcon },
    { href: "/inbox", label: "Inbox", area: "platform", Icon: icons.InboxIcon },
  ],
  [
    { href: "/discover", label: "Discover", area: "data", Icon: icons.DiscoverIcon },
    { href: "/connections", label: "Connections", area: "data", Icon: icons.ConnectionsIcon },
    { href: "/ontology", label: "Ontology", area: "ontology", Icon: icons.OntologyIcon },
    { href: "/orchestration", label: "Orchestration", area: "platform", Icon: icons.OrchestrationIcon },
    { href: "/agents", label: "Agents", area: "agents", Icon: icons.AgentsIcon },
    { href: "/assistant", label: "Assistant", area: "agents", Icon: icons.AssistantIcon },
  ],
  [
    { href: "/team", label: "Team", area: "platform", Icon: icons.TeamIcon },
    { href: "/api-keys", label: "API keys", area: "platform", Icon: icons.ApiKeysIcon },
    { href: "/invitations", label: "Invitations", area: "platform", Icon: icons.InvitationsIcon },
    { href: "/faq", label: "FAQ", area: "platform", Icon: icons.FaqIcon },
  ],
];

/** Icon colour at rest, and the active link's tint; every text pair is at least 4.5:1 in its theme. */
const AREA: Record<Area, { icon: string; active: string }> = {
  platform: {
    icon: "text-slate-500 dark:text-slate-400",
    active: "bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-blue-300",
  },
  data: {
    icon: "text-emerald-600 dark:text-emerald-400",
    active: "bg-emerald-50 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  },
  ontology: {
    icon: "text-blue-600 dark:text-blue-400",
    active: "bg-blue-50 text-blue-700 dark:bg-blue-950 dark:text-blue-300",
  },
  agents: {
    icon: "text-violet-600 dark:text-violet-400",
    active: "bg-violet-50 text-violet-700 dark:bg-violet-950 dark:text-violet-300",
  },
};

const IDLE = "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800";

/** The signed-in navigation; `inboxCount` items waiting for a person badge the Inbox link. */
export function NavLinks({ inboxCount = 0 }: { inboxCount?: number }) {
  const pathname = usePathname();
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Main" className="px-3">
      {GROUPS.map((group, i) => (
        <ul key={i} className="space-y-0.5 border-slate-200 py-2 first:pt-0 [&+&]:border-t dark:border-slate-800">
          {group.map(({ href, label, area, Icon }) => {
            const active = isActive(href);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={active ? "page" : undefined}
                  className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm ${active ? `font-semibold ${AREA[area].active}` : IDLE}`}
                >
                  <Icon className={`size-[18px] shrink-0 ${active ? "" : AREA[area].icon}`} />
                  <span className="flex-1">{label}</span>
                  {href === "/inbox" && inboxCount > 0 && (
                    <span className="rounded-full bg-brand-600 px-2 py-0.5 text-xs font-semibold text-white" data-testid="inbox-badge">
                      {inboxCount}
                      <span className="sr-only"> waiting</span>
                    </span>
                  )}
                </Link>
              </li>
            );
          })}
        </ul>
      ))}
    </nav>
  );
}
