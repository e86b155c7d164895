import type { PanelSource } from "@/lib/live-data/panels";
import { Panel } from "./panel";

/** Who is in the workspace and the caller's role in it. */
export function WorkspaceCard({ panel, members, role, slug }: { panel: PanelSource; members: number; role: string; slug: string }) {
  return (
    <Panel panel={panel} href="/team">
      <dl className="grid grid-cols-2 gap-y-2 text-sm">
        <dt className="text-slate-500 dark:text-slate-400">Members</dt>
        <dd data-testid="member-count">{members}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Your role</dt>
        <dd>{role}</dd>
        <dt className="text-slate-500 dark:text-slate-400">Workspace id</dt>
        <dd className="truncate font-mono text-xs">{slug}</dd>
      </dl>
    </Panel>
  );
}
