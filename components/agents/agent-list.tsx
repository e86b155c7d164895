"use client";

import Link from "next/link";
import { useRunAction } from "@/components/dcl/use-run-action";
import { ErrorText } from "@/components/ui/card";
import { runAgentAction, setAgentEnabledAction } from "@/app/(app)/agents/actions";
import { AgentCard } from "./agent-card";
import type { ListedAgent } from "./types";

/** The tenant's agents; owners and admins switch them on and off, members and up run them now. */
export function AgentList({ agents, canManage, canRun }: { agents: ListedAgent[]; canManage: boolean; canRun: boolean }) {
  const { busy, error, notice, run } = useRunAction();

  function toggle(agent: ListedAgent, enabled: boolean) {
    return run(
      agent.id,
      () => setAgentEnabledAction({ id: agent.id, enabled }),
      (r) => `${agent.name} is ${r.enabled ? "enabled" : "disabled"}.`,
    );
  }

  function runNow(agent: ListedAgent) {
    return run(
      agent.id,
      () => runAgentAction({ id: agent.id }),
      (r) => (
        <>
          Queued a run of {agent.name} (task {r.taskId.slice(0, 8)}); this page shows its result when it finishes. Follow it in{" "}
          <Link href="/orchestration" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
            Orchestration
          </Link>
          .
        </>
      ),
    );
  }

  return (
    <div className="space-y-3">
      <ErrorText>{error}</ErrorText>
      {notice && (
        <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800 dark:text-slate-200">
          {notice}
        </p>
      )}
      <ul className="grid gap-4 xl:grid-cols-2" aria-label="Agents">
        {agents.map((agent) => (
          <AgentCard
            key={agent.id}
            agent={agent}
            canManage={canManage}
            canRun={canRun}
            busy={busy === agent.id}
            onToggle={(enabled) => toggle(agent, enabled)}
            onRun={() => runNow(agent)}
          />
        ))}
      </ul>
    </div>
  );
}
