import type { ReactNode } from "react";
import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { MUTED } from "@/components/ui/tone";

type Account = {
  user: { name: string; email: string };
  tenant: { id: string; name: string };
  role: string;
  tenants: { id: string; name: string; role: string }[];
};

/** The sidebar stacks above the page on narrow screens. */
export function AppShell({ account, inboxCount, children }: { account: Account; inboxCount: number; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col border-b border-slate-200 bg-white md:w-60 md:border-b-0 md:border-r dark:border-slate-800 dark:bg-slate-900">
        <Link href="/control-center" className="px-5 py-4 text-lg font-bold tracking-tight text-brand-700 dark:text-blue-300">
          AutonomOS
        </Link>
        {account.tenants.length > 1 ? (
          <TenantSwitcher tenants={account.tenants} currentId={account.tenant.id} />
        ) : (
          <p className={`px-5 pb-3 text-xs uppercase tracking-wide ${MUTED}`} data-testid="tenant-name">
            {account.tenant.name}
          </p>
        )}
        <NavLinks inboxCount={inboxCount} />
        <div className="mt-3 flex flex-wrap items-baseline gap-x-3 border-t border-slate-200 px-5 py-3 text-sm md:mt-auto md:block md:p-4 dark:border-slate-800">
          <p className="font-medium" data-testid="user-name">{account.user.name}</p>
          <p className={`min-w-0 truncate ${MUTED}`}>{account.user.email} · {account.role}</p>
          <ThemeToggle className="mt-2" />
          <SignOutButton />
        </div>
      </aside>
      <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
    </div>
  );
}
