"use client";

import { useState } from "react";
import { SessionProvider, useSession } from "next-auth/react";
import { MUTED } from "@/components/ui/tone";

type Tenant = { id: string; name: string; role: string };

/**
 * Picks the session's tenant among the user's memberships (shown only to a member of several). The
 * server switches only to a tenant the user belongs to (the jwt callback checks), so a refused
 * switch leaves the session as it was.
 */
export function TenantSwitcher({ tenants, currentId }: { tenants: Tenant[]; currentId: string }) {
  return (
    <div className="px-5 pb-3 text-xs">
      <SessionProvider refetchOnWindowFocus={false}>
        <Switcher tenants={tenants} currentId={currentId} />
      </SessionProvider>
    </div>
  );
}

function Switcher({ tenants, currentId }: { tenants: Tenant[]; currentId: string }) {
  const { status, update } = useSession();
  const [error, setError] = useState<string>();

  async function switchTo(tenantId: string) {
    setError(undefined);
    const session = (await update({ tenantId }).catch(() => null)) as { tenantId?: string } | null | undefined;
    if (session?.tenantId !== tenantId) return setError("Could not switch to that workspace; reload the page and try again");
    // A full load: the live event stream (and every page's data) belongs to the workspace it was opened in.
    window.location.assign("/control-center");
  }

  return (
    <label className={`mb-2 block ${MUTED}`}>
      Workspace
      <select
        aria-label="Switch workspace"
        value={currentId}
        disabled={status !== "authenticated"}
        onChange={(e) => switchTo(e.target.value)}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-ink dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
      >
        {tenants.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="mt-1 block text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </label>
  );
}
