import { inngest } from "@/inngest/client";
import { queueScheduledRuns } from "@/lib/agents/schedule";
import { getDb } from "@/lib/db";

/** Every minute: queues the agent runs whose schedule came due (the embedded engine does the same on a timer). */
export default inngest.createFunction(
  { id: "agent-schedule", name: "Queue scheduled agent runs", triggers: [{ cron: "* * * * *" }] },
  async ({ step }) => step.run("queue", async () => ({ queued: await queueScheduledRuns(await getDb()) })),
);
