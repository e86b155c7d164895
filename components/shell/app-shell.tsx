import type { ReactNode } from "react";
import { BrandLink } from "@/components/shell/brand-link";
import { NavLinks } from "@/components/shell/nav-links";
import { SidebarFrame } from "@/components/shell/sidebar-frame";
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

/** The signed-in page: sidebar at the left on wide screens, a top bar with a Menu drawer on narrow ones. */
export function AppShell({ account, inboxCount, children }: { account: Account; inboxCount: number; children: ReactNode }) {
  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-700 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 dark:bg-slate-900 dark:text-blue-300"
      >
        Skip to content
      </a>
      <SidebarFrame brand={<BrandLink />}>
        <div className="hidden px-5 py-4 lg:block">
          <BrandLink />
        </div>
        <div className="pt-4 lg:pt-0">
          {account.tenants.length > 1 ? (
            <TenantSwitcher tenants={account.tenants} currentId={account.tenant.id} />
          ) : (
            <p className={`px-5 pb-3 text-xs uppercase tracking-wide ${MUTED}`} data-testid="tenant-name">
              {account.tenant.name}
            </p>
          )}
        </div>
        <NavLinks inboxCount={inboxCount} />
        <div className="mt-auto border-t border-slate-200 p-4 text-sm dark:border-slate-800">
          <p className="font-medium" data-testid="user-name">
            {account.user.name}
          </p>
          <p className={`min-w-0 truncate ${MUTED}`}>
            {account.user.email} · {account.role}
          </p>
          <ThemeToggle className="mt-2" />
          <SignOutButton />
        </div>
      </SidebarFrame>
      <main id="main" className="min-w-0 flex-1 p-4 md:p-8">
        {children}
      </main>
    </div>
  );
}
