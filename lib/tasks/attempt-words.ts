/**
 * A manual retry (lib/tasks/retry-log.ts): who asked, when, the attempts used before it, the fresh
 * budget it gave, and the limit it replaced.
 */
export type ManualRetry = { at: Date; byUserId: string | null; afterAttempts: number; budget: number; previousMaxAttempts?: number };

export type Round = { base: number; budget: number };

/** The current round: the attempts before it, and the attempts it may use. Without a manual retry it is the whole task. */
export function currentRound(task: { attempts: number; maxAttempts: number }, retries: ManualRetry[] = []): Round {
  const last = retries.at(-1);
  const base = last ? Math.min(last.afterAttempts, task.attempts) : 0;
  return { base, budget: Math.max(task.maxAttempts - base, 1) };
}

export type StatusTone = "neutral" | "info" | "success" | "danger" | "warning";

type Progress = { status: string; attempts: number; lastErrorKind?: string | null };

/** The status in a word and its colour; a queued task that already failed once is "Waiting to retry". */
export function describeStatus(task: Progress, round: Round): { label: string; tone: StatusTone } {
  switch (task.status) {
    case "queued":
      return task.attempts > round.base ? { label: "Waiting to retry", tone: "warning" } : { label: "Queued", tone: "neutral" };
    case "in_progress":
      return { label: "Running", tone: "info" };
    case "success":
      return { label: "Succeeded", tone: "success" };
    case "failed":
      return { label: "Failed", tone: "danger" };
    case "cancelled":
      return { label: "Cancelled", tone: "neutral" };
    default:
      return { label: "Unknown", tone: "neutral" };
  }
}

const attempts = (n: number) => `${n} ${n === 1 ? "attempt" : "attempts"}`;

/** The attempts of the current round in words: "Attempt 2 of 4", "Failed after 4 attempts". */
export function describeAttempts(task: Progress, round: Round): string {
  const used = Math.max(task.attempts - round.base, 0);
  switch (task.status) {
    case "queued":
      return used === 0 ? "Not started yet" : `Attempt ${used + 1} of ${round.budget} next`;
    case "in_progress":
      return `Attempt ${Math.max(used, 1)} of ${round.budget}`;
    case "success":
      return used <= 1 ? "First attempt" : `On attempt ${used} of ${round.budget}`;
    case "failed":
      if (used === 0) return "Never started";
      if (task.lastErrorKind === "permanent" && used < round.budget)
        return `Failed on attempt ${used} of ${round.budget} (not retried automatically)`;
      return `Failed after ${attempts(used)}`;
    case "cancelled":
      return used === 0 ? "Never started" : `Cancelled after ${attempts(used)}`;
    default:
      return "";
  }
}
