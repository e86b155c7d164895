import { describe, expect, it } from "vitest";
import { currentRound, describeAttempts, describeStatus } from "@/lib/tasks/attempt-words";
import { describeTask } from "@/lib/tasks/describe";
import { shownError } from "@/lib/tasks/error-text";
import { retryBlocker, taskTarget, type TaskNames } from "@/lib/tasks/targets";

const CONNECTION = "658117f4-a20a-4256-a9a8-c71a65883f7a";
const GONE = "0d7f3c2e-1111-4a4a-8b8b-000000000000";
const DOC = "6f1c2a44-0b7e-4c1e-9d52-3f7a1e2b9c10";

const names: TaskNames = {
  connections: new Map([[CONNECTION, { name: "Demo data (mock_sources)", typeLabel: "Files (CSV, JSON Lines)" }]]),
  agents: new Map([
    ["finops", { name: "FinOps agent", enabled: true }],
    ["churn", { name: "Churn watcher", enabled: false }],
  ]),
  documents: new Map([[DOC, { title: "Q3 report" }]]),
  users: new Map(),
};

const title = (type: string, input: unknown) => describeTask({ type, input }, names).title;

describe("describeTask", () => {
  it("names each kind of task by what it works on, never by its type key", () => {
    expect(title("connector.sync", { connectionId: CONNECTION })).toBe("Sync Demo data (mock_sources)");
    expect(title("drift.check", { connectionId: CONNECTION })).toBe("Check Demo data (mock_sources) for schema drift");
    expect(title("drift.repair", { connectionId: CONNECTION })).toBe("Repair mappings of Demo data (mock_sources)");
    expect(title("dcl.rebuild", {})).toBe("Rebuild unified views");
    expect(title("agent.run", { agent: "finops", trigger: "manual" })).toBe("Run FinOps agent");
    expect(title("agent.run", { agent: "churn" })).toBe("Run agent Churn watcher");
    expect(title("kb.ingest", { documentIds: [DOC] })).toBe("Ingest document Q3 report");
    expect(title("kb.ingest", { documentIds: [DOC, GONE, GONE] })).toBe("Ingest Q3 report and 2 more documents");
    expect(title("something.new", {})).toBe("Background task");
  });

  it("says when the thing a task was for is gone, and offers no link to it", () => {
    const sync = describeTask({ type: "connector.sync", input: { connectionId: GONE } }, names);
    expect(sync.title).toBe("Sync a deleted connection");
    expect(sync.targetGone).toBe("The connection was deleted");
    expect(sync.targetHref).toBeNull();
    expect(title("agent.run", { agent: "nobody" })).toBe("Run a deleted agent");
    expect(title("kb.ingest", { documentIds: [GONE] })).toBe("Ingest a deleted document");
    expect(describeTask({ type: "connector.sync", input: { connectionId: CONNECTION } }, names).targetHref).toBe(
      `/connections/${CONNECTION}`,
    );
  });

  it("summarizes what a successful task produced from its stored result", () => {
    const summary = (type: string, result: unknown) => describeTask({ type, input: {}, result, status: "success" }, names).summary;
    const read = { "a.csv": { stored: 5, quarantined: 0 }, "b.csv": { stored: 2, quarantined: 1 } };
    expect(summary("connector.sync", { safeMode: false, driftChanges: 2, pendingChanges: 0, problems: [], read })).toBe(
      "7 records stored, 1 quarantined, 2 schema changes",
    );
    expect(
      summary("connector.sync", {
        safeMode: false,
        driftChanges: 1,
        pendingChanges: 1,
        problems: [{ stream: "c", message: "x" }],
        read: {},
      }),
    ).toBe("No new records, 1 schema change (1 waiting for review), 1 stream unreadable");
    expect(summary("connector.sync", { skipped: "the connection is paused", read: {} })).toBe("Skipped: the connection is paused");
    expect(summary("drift.check", { streams: 6, driftChanges: 0, pendingChanges: 0, paused: false })).toBe(
      "6 streams checked, no schema changes",
    );
    expect(summary("drift.repair", { streams: 1, applied: 2, review: 1, removed: [], failed: [] })).toBe(
      "2 mappings repaired, 1 waiting for review",
    );
    expect(
      summary("dcl.rebuild", {
        streams: 6,
        proposed: 4,
        autoApproved: 0,
        entities: [
          { entity: "account", rows: 60 },
          { entity: "cost", rows: 1347 },
        ],
      }),
    ).toBe("2 unified views rebuilt (1,407 rows), 4 mappings proposed");
    expect(summary("kb.ingest", { ready: 1, failed: 0, documents: [{ documentId: DOC, status: "ready" }] })).toBe("1 document ready");
    expect(summary("agent.run", { agent: "finops", findings: 18, new: 3, resolved: 1 })).toBe("18 findings (3 new, 1 resolved)");
  });

  it("gives no summary rather than a wrong one: not succeeded, or a result it cannot read", () => {
    expect(
      describeTask({ type: "agent.run", input: {}, result: { findings: 3, new: 0, resolved: 0 }, status: "failed" }, names).summary,
    ).toBeNull();
    expect(describeTask({ type: "connector.sync", input: {}, result: "garbage", status: "success" }, names).summary).toBeNull();
    expect(describeTask({ type: "connector.sync", input: {}, result: null, status: "success" }, names).summary).toBeNull();
  });
});

describe("attempts and status in words", () => {
  const words = (
    task: { status: string; attempts: number; maxAttempts: number; lastErrorKind?: string },
    retries = [] as Parameters<typeof currentRound>[1],
  ) => {
    const round = currentRound(task, retries);
    return [describeStatus(task, round).label, describeAttempts(task, round)];
  };

  it("counts attempts against the budget", () => {
    expect(words({ status: "queued", attempts: 0, maxAttempts: 4 })).toEqual(["Queued", "Not started yet"]);
    expect(words({ status: "in_progress", attempts: 2, maxAttempts: 4 })).toEqual(["Running", "Attempt 2 of 4"]);
    expect(words({ status: "queued", attempts: 1, maxAttempts: 4 })).toEqual(["Waiting to retry", "Attempt 2 of 4 next"]);
    expect(words({ status: "failed", attempts: 4, maxAttempts: 4 })).toEqual(["Failed", "Failed after 4 attempts"]);
    expect(words({ status: "failed", attempts: 1, maxAttempts: 4, lastErrorKind: "permanent" })).toEqual([
      "Failed",
      "Failed on attempt 1 of 4 (not retried automatically)",
    ]);
    expect(words({ status: "success", attempts: 1, maxAttempts: 4 })).toEqual(["Succeeded", "First attempt"]);
    expect(words({ status: "cancelled", attempts: 0, maxAttempts: 4 })).toEqual(["Cancelled", "Never started"]);
  });

  it("counts from the manual retry: a fresh round, not a silently raised limit", () => {
    const retry = { at: new Date(), byUserId: null, afterAttempts: 4, budget: 4, previousMaxAttempts: 4 };
    expect(currentRound({ attempts: 4, maxAttempts: 8 }, [retry])).toEqual({ base: 4, budget: 4 });
    expect(words({ status: "queued", attempts: 4, maxAttempts: 8 }, [retry])).toEqual(["Queued", "Not started yet"]);
    expect(words({ status: "in_progress", attempts: 6, maxAttempts: 8 }, [retry])).toEqual(["Running", "Attempt 2 of 4"]);
    expect(words({ status: "failed", attempts: 8, maxAttempts: 8 }, [retry])).toEqual(["Failed", "Failed after 4 attempts"]);
  });
});

describe("what may be shown of an error", () => {
  it("keeps user-safe messages and hides driver text, stacks and server paths", () => {
    expect(shownError("Could not connect to the source.")).toBe("Could not connect to the source.");
    expect(shownError("Internal error, reference 0a1b2c3d4e5f")).toBe("Internal error, reference 0a1b2c3d4e5f");
    expect(shownError("\nInvalid `prisma.task.findFirst()` invocation in\n/work/main/lib/tasks/tasks.ts:84:7")).toMatch(
      /^An internal error stopped this task/,
    );
    expect(shownError("TypeError: x is undefined\n    at run (/app/.next/server/chunks/1.js:3:9)")).toMatch(/^An internal error/);
    expect(shownError("Cannot find module 'x' in node_modules")).toMatch(/^An internal error/);
    expect(shownError(null)).toBeNull();
    expect(shownError("x".repeat(5_000))!.length).toBeLessThanOrEqual(600);
  });
});

describe("when Retry cannot work", () => {
  it("is blocked for a deleted connection, agent or documents, and for a disabled agent", () => {
    expect(retryBlocker(taskTarget("connector.sync", { connectionId: GONE }), names)).toBe("The connection was deleted");
    expect(retryBlocker(taskTarget("connector.sync", { connectionId: CONNECTION }), names)).toBeNull();
    expect(retryBlocker(taskTarget("agent.run", { agent: "nobody" }), names)).toBe("The agent was deleted");
    expect(retryBlocker(taskTarget("agent.run", { agent: "churn" }), names)).toMatch(/disabled/);
    expect(retryBlocker(taskTarget("kb.ingest", { documentIds: [GONE] }), names)).toBe("The document was deleted");
    expect(retryBlocker(taskTarget("kb.ingest", { documentIds: [GONE, DOC] }), names)).toBeNull();
    expect(retryBlocker(taskTarget("dcl.rebuild", {}), names)).toBeNull();
  });
});
