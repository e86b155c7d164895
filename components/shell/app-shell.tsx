import type { ReactNode } from "react";
import Link from "next/link";
import { NavLinks } from "@/components/shell/nav-links";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";

type Account = {
  user: { name: string; email: string };
  tenant: { id: string; name: string };
  role: string;
  tenants: { id: string; name: string; role: string }[];
};

export function AppShell({ account, children }: { account: Account; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      <aside className="flex w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <Link href="/control-center" className="px-5 py-4 text-lg font-bold tracking-tight text-brand-700">
          AutonomOS
        </Link>
        {account.tenants.length > 1 ? (
          <TenantSwitcher tenants={account.tenants} currentId={account.tenant.id} />
        ) : (
          <p className="px-5 pb-3 text-xs uppercase tracking-wide text-slate-500" data-testid="tenant-name">
            {account.tenant.name}
          </p>
        )}
        <NavLinks />
        <div className="mt-auto border-t border-slate-200 p-4 text-sm">
          <p className="font-medium" data-testid="user-name">{account.user.name}</p>
          <p className="truncate text-slate-500">{account.user.email} · {account.role}</p>
          <SignOutButton />
        </div>
      </aside>
      <main className="flex-1 p-8">{children}</main>
    </div>
  );
}
