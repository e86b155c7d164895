import type { ReactNode } from "react";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { AppShell } from "@/components/shell/app-shell";
import type { TenantContext } from "@/lib/auth/context";
import { inboxCounts } from "@/lib/inbox/list";
import { log } from "@/lib/log";
import { requireAccount, requirePageContext } from "./page-context";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageContext();
  const [account, inboxCount] = await Promise.all([requireAccount(), countWaiting(ctx)]);
  return (
    <AppShell account={account} inboxCount={inboxCount}>
      <RefreshOnEvents types={["inbox.changed", "aam.drift.detected"]} />
      {children}
    </AppShell>
  );
}

/** The navigation's inbox badge. A count that fails is no badge, never a failed page. */
async function countWaiting(ctx: TenantContext): Promise<number> {
  try {
    return (await inboxCounts(ctx)).total;
  } catch (error) {
    log.warn("inbox count failed", { tenantId: ctx.tenantId, error });
    return 0;
  }
}
