import { TaskTable } from "@/components/orchestration/task-table";
import { roleHasScope } from "@/lib/auth/roles";
import { jobEngineStatus } from "@/lib/jobs/engine";
import { listTasks } from "@/lib/tasks/tasks";
import { TaskStatus } from "@/lib/tasks/types";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Orchestration" };

export default async function OrchestrationPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const ctx = await requirePageContext();
  const status = TaskStatus.safeParse((await searchParams).status);
  const { tasks } = await listTasks({ ctx, query: { limit: 50, status: status.success ? status.data : undefined } });
  const engine = jobEngineStatus();
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Orchestration</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Every long job is a task. Engine: <span className="font-mono text-sm">{engine.mode}</span> ({engine.status}).
        </p>
      </header>
      <TaskTable tasks={JSON.parse(JSON.stringify(tasks))} canWrite={roleHasScope(ctx.actor.role, "tasks:write")} status={status.success ? status.data : undefined} />
    </div>
  );
}
