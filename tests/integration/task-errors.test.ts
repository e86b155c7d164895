import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { InngestTestEngine } from "@inngest/test";
import { GET as getTaskRoute } from "@/app/api/v1/tasks/[id]/route";
import { createTaskFunction } from "@/inngest/create-task-function";
import { createConnection, getConnection } from "@/lib/aam/connections";
import { ConnectorError } from "@/lib/aam/connectors/types";
import { CreateConnectionInput } from "@/lib/aam/schemas";
import type { EmbeddedEngine } from "@/lib/tasks/embedded-engine";
import { failTask } from "@/lib/tasks/lifecycle";
import { createTask, getTask } from "@/lib/tasks/tasks";
import { taskEventName, type TaskType } from "@/lib/tasks/types";
import { defineWorkflow, type Workflow } from "@/lib/tasks/workflow";
import { workflows, type WorkflowRegistry } from "@/lib/tasks/workflows";
import { postToSlack } from "@/lib/notify/slack";
import { sealSlackWebhook } from "@/lib/notify/slack-webhook";
import { issueApiToken } from "@/lib/auth/api-token";
import { call } from "../support/http";
import { tenantContext, testEngine, waitForStatus } from "../support/tasks";

vi.mock("@/lib/notify/slack", async (original) => ({
  ...(await original<typeof import("@/lib/notify/slack")>()),
  postToSlack: vi.fn(async () => true),
}));

/** Makes the next discovery of a sync fail with `error` (an internal failure between the connector and the database). */
const discovery = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock("@/lib/aam/drift/record-discovery", async (original) => {
  const actual = await original<typeof import("@/lib/aam/drift/record-discovery")>();
  return {
    ...actual,
    recordDiscovery: (async (...args: Parameters<typeof actual.recordDiscovery>) => {
      if (discovery.error) throw discovery.error;
      return actual.recordDiscovery(...args);
    }) as typeof actual.recordDiscovery,
  };
});

const REFERENCE = /^Internal error, reference ([0-9a-f]{12})$/;
/** What Prisma's and the driver's own messages carry; none of it may leave the log. */
const INTERNALS = /prisma|invocation|uuid|findFirst|\.ts:\d|\/work\/|node_modules/i;

const Any = z.object({}).passthrough();
/** `agent.run` fails on a database error (a malformed query), `kb.ingest` on a connector error meant for people. */
const badQuery = defineWorkflow({
  type: "agent.run",
  description: "test: database error",
  input: Any,
  maxAttempts: 1,
  async run({ db, step }) {
    await step.run("query", () => db.connection.findFirst({ where: { id: "not-a-uuid" } }));
    return { summary: {} };
  },
});
const failing: WorkflowRegistry = new Map<TaskType, Workflow<any>>([
  ["agent.run", badQuery],
  ["drift.check", { ...badQuery, type: "drift.check", maxAttempts: 3 }],
  [
    "kb.ingest",
    defineWorkflow({
      type: "kb.ingest",
      description: "test: connector error",
      input: Any,
      maxAttempts: 1,
      async run({ step }) {
        await step.run("read", async () => {
          throw new ConnectorError("auth", "Salesforce refused the refresh token.");
        });
        return { summary: {} };
      },
    }),
  ],
]);

let engine: EmbeddedEngine | undefined;
afterEach(async () => {
  await engine?.stop();
  engine = undefined;
  discovery.error = null;
  vi.restoreAllMocks();
  vi.mocked(postToSlack).mockClear(); // a vi.fn from vi.mock, which restoreAllMocks leaves alone
});

/** The log lines written while `fn` runs (the logger writes errors to stderr as JSON). */
async function captureErrorLog<T>(fn: () => Promise<T>): Promise<{ result: T; lines: Record<string, any>[] }> {
  const lines: Record<string, any>[] = [];
  vi.spyOn(console, "error").mockImplementation((line: unknown) => {
    try {
      lines.push(JSON.parse(String(line)));
    } catch {
      // Not one of the logger's JSON lines.
    }
  });
  const result = await fn();
  return { result, lines };
}

describe("task errors people see", () => {
  it("stores, returns and posts only a reference for a database error; the log has the details under it", async () => {
    const ctx = await tenantContext("task-error-db");
    await ctx.db.tenant.update({
      where: { id: ctx.tenantId },
      data: { slackWebhookUrl: await sealSlackWebhook(ctx.tenantId, "https://hooks.slack.com/services/T0/B0/X") },
    });
    const { task } = await createTask({ ctx, input: { type: "agent.run", input: {} }, workflows: failing });
    const { result: failed, lines } = await captureErrorLog(async () => {
      engine = await testEngine([ctx.tenantId], { workflows: failing });
      engine.start();
      return waitForStatus(ctx, task.id, "failed");
    });

    const reference = REFERENCE.exec(failed.lastError!.message)?.[1];
    expect(reference, failed.lastError!.message).toBeDefined();
    expect(failed.history![0].error!.message).toBe(failed.lastError!.message);

    const { token } = await issueApiToken({ userId: ctx.actor.userId, tenantId: ctx.tenantId }, 60);
    const api = await call(getTaskRoute, "GET", `/api/v1/tasks/${task.id}`, { token, params: { id: task.id } });
    expect(api.status).toBe(200);
    expect(api.json.task.lastError.message).toBe(`Internal error, reference ${reference}`);
    expect(JSON.stringify(api.json)).not.toMatch(INTERNALS);

    const toThisTenant = () => vi.mocked(postToSlack).mock.calls.find(([url]) => url === "https://hooks.slack.com/services/T0/B0/X");
    await vi.waitFor(() => expect(toThisTenant()).toBeDefined());
    const [, message] = toThisTenant()!;
    expect(message.text).toContain(`Internal error, reference ${reference}`);
    expect(message.text).not.toMatch(INTERNALS);

    const logged = lines.find((l) => l.reference === reference);
    expect(logged).toMatchObject({ level: "error", taskId: task.id, tenantId: ctx.tenantId });
    expect(JSON.stringify(logged!.error)).toMatch(/uuid|findFirst/i);
  });

  it("shows a connector's own words, which are meant for people", async () => {
    const ctx = await tenantContext("task-error-connector");
    const { task } = await createTask({ ctx, input: { type: "kb.ingest", input: {} }, workflows: failing });
    engine = await testEngine([ctx.tenantId], { workflows: failing });
    engine.start();
    const failed = await waitForStatus(ctx, task.id, "failed");
    expect(failed.lastError).toEqual({ message: "Salesforce refused the refresh token.", kind: "retriable" });
  });

  it("keeps the Inngest path to the same rule, and Inngest's final onFailure keeps the attempt's safe message", async () => {
    const ctx = await tenantContext("task-error-inngest");
    const { task } = await createTask({ ctx, input: { type: "drift.check", input: {} }, workflows: failing });
    const run = new InngestTestEngine({
      function: createTaskFunction(failing.get("drift.check")!),
      events: [{ name: taskEventName("drift.check"), data: { taskId: task.id, tenantId: ctx.tenantId } }],
    });
    const { result } = await captureErrorLog(() => run.execute());
    expect(result.error).toBeDefined();
    const pending = await getTask({ ctx, id: task.id });
    expect(pending.status).toBe("in_progress");
    expect(pending.lastError!.message).toMatch(REFERENCE);

    // onFailure receives the error serialized, its class lost, with the driver's text in it.
    const row = await ctx.db.task.findUniqueOrThrow({ where: { id: task.id } });
    await captureErrorLog(() =>
      failTask(ctx.db, row, { number: 1, error: new Error("Invalid `prisma.connection.findFirst()` invocation in /work/main/x.ts:1:1") }),
    );
    const failed = await getTask({ ctx, id: task.id });
    expect(failed.status).toBe("failed");
    expect(failed.lastError!.message).toBe(pending.lastError!.message);
    expect(JSON.stringify(failed)).not.toMatch(INTERNALS);
  });

  it("puts a reference, not the internal error, on the connection after a failed sync, and the sync's task shows the same one", async () => {
    const ctx = await tenantContext("sync-error");
    const connection = await createConnection({
      ctx,
      input: CreateConnectionInput.parse({ name: "Uploads", type: "file", config: { source: "upload" } }),
    });
    discovery.error = Object.assign(
      new Error(
        "\nInvalid `prisma.schemaFingerprint.create()` invocation in\n/work/main/lib/aam/drift/record-discovery.ts:42:7\n\nUnique constraint failed",
      ),
      { code: "P2002" },
    );
    const { task } = await createTask({ ctx, input: { type: "connector.sync", input: { connectionId: connection.id } }, workflows });
    const { result: failed, lines } = await captureErrorLog(async () => {
      engine = await testEngine([ctx.tenantId], { workflows });
      engine.start();
      return waitForStatus(ctx, task.id, "failed");
    });
    const after = await getConnection({ ctx, id: connection.id });
    expect(after.status).toBe("error");
    const reference = REFERENCE.exec(after.statusMessage ?? "")?.[1];
    expect(reference, after.statusMessage ?? "").toBeDefined();
    expect(failed.lastError!.message).toBe(after.statusMessage);
    expect(lines.filter((l) => l.reference === reference)).toEqual([
      expect.objectContaining({
        connectionId: connection.id,
        error: expect.objectContaining({ message: expect.stringContaining("Unique constraint failed") }),
      }),
    ]);
  });

  it("replaces internal-looking errors stored before this rule (the 20261129100100_secrets migration) and keeps people's words", async () => {
    const ctx = await tenantContext("task-error-migration");
    const prismaText = "\nInvalid `prisma.connection.findFirst()` invocation in\n/srv/app/lib/aam/connections.ts:55:35\n\n  52 |";
    const make = (message: string) =>
      ctx.db.task.create({
        data: {
          tenantId: ctx.tenantId,
          type: "agent.run",
          input: {},
          maxAttempts: 1,
          engine: "embedded",
          status: "failed",
          lastErrorMessage: message,
          attemptLog: { create: { tenantId: ctx.tenantId, number: 1, status: "failed", errorMessage: message } },
        },
      });
    const [leaked, pathOnly, kept] = await Promise.all([
      make(prismaText),
      make("failed at /srv/app/dist/server.js:12"),
      make("Could not reach MongoDB at db.example.test:27017."),
    ]);
    const sql = await readFile(path.join("prisma/migrations/20261129100100_secrets/migration.sql"), "utf8");
    for (const statement of sql.split(/;\s*$/m).filter((s) => s.replace(/--.*$/gm, "").trim())) await ctx.db.$executeRawUnsafe(statement);
    const storedErrors = async (id: string) => {
      const t = await getTask({ ctx, id });
      return [t.lastError!.message, t.history![0].error!.message];
    };
    const scrubbed = "Internal error (recorded before error details were kept in the server log)";
    expect(await storedErrors(leaked.id)).toEqual([scrubbed, scrubbed]);
    expect(await storedErrors(pathOnly.id)).toEqual([scrubbed, scrubbed]);
    expect(await storedErrors(kept.id)).toEqual([
      "Could not reach MongoDB at db.example.test:27017.",
      "Could not reach MongoDB at db.example.test:27017.",
    ]);
  });
});
