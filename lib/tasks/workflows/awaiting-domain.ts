import { defineWorkflow, type Workflow } from "@/lib/tasks/workflow";
import { PermanentTaskError } from "@/lib/tasks/types";

/**
 * A workflow whose domain code has not landed yet. Its type and input schema are already the
 * contract (tasks can be created and validated); running it fails permanently, saying what is missing.
 * The issue that builds the domain replaces it with a `defineWorkflow` that does the work.
 */
export function awaitingDomain<I>(workflow: Pick<Workflow<I>, "type" | "description" | "input"> & { missing: string }): Workflow<I> {
  const { missing, ...definition } = workflow;
  return defineWorkflow({
    ...definition,
    maxAttempts: 3,
    run: ({ step }) =>
      step.run<never>("check-prerequisites", async () => {
        throw new PermanentTaskError(`${workflow.description} is not available yet: ${missing}`);
      }),
  });
}
