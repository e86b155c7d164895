import { Card } from "@/components/ui/card";
import { HealthPanel } from "@/components/control-center/health-panel";
import { checkHealth } from "@/lib/health/check-health";
import { listMembers } from "@/lib/tenancy/members";
import { requireAccount, requirePageContext } from "../page-context";

export const metadata = { title: "Control center" };

export default async function ControlCenterPage() {
  const ctx = await requirePageContext();
  const [account, members, health] = await Promise.all([requireAccount(), listMembers({ ctx }), checkHealth()]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Control center</h1>
        <p className="text-slate-600 dark:text-slate-300">{account.tenant.name}: platform status and your workspace at a glance.</p>
      </header>
      <div className="grid gap-6 md:grid-cols-2">
        <HealthPanel health={health} />
        <Card title="Workspace">
          <dl className="grid grid-cols-2 gap-y-2 text-sm">
            <dt className="text-slate-500 dark:text-slate-400">Members</dt>
            <dd data-testid="member-count">{members.length}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Your role</dt>
            <dd>{account.role}</dd>
            <dt className="text-slate-500 dark:text-slate-400">Workspace id</dt>
            <dd className="truncate font-mono text-xs">{account.tenant.slug}</dd>
          </dl>
        </Card>
      </div>
    </div>
  );
}
