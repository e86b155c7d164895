import { beforeAll, describe, expect, it } from "vitest";
import { POST as createTaskRoute } from "@/app/api/v1/tasks/route";
import { createAccount, type TestAccount } from "../support/accounts";
import { scopedDb } from "../support/db";
import { call } from "../support/http";

/*
 * Idempotency-Key on a request that starts work: a retry with the same key starts nothing and gets
 * the first answer; the key is bound to its parameters and to its tenant.
 */

const REBUILD = { type: "dcl.rebuild", input: {} };
const create = (account: TestAccount, body: unknown, key?: string) =>
  call(createTaskRoute, "POST", "/api/v1/tasks", {
    token: account.token,
    body,
    headers: key === undefined ? {} : { "idempotency-key": key },
  });

describe("Idempotency-Key", () => {
  let a: TestAccount;
  let b: TestAccount;
  const taskCount = async (account: TestAccount) =>
    (await scopedDb(account.tenantId)).task.count({ where: { tenantId: account.tenantId } });

  beforeAll(async () => {
    [a, b] = await Promise.all([createAccount({ label: "idem-a" }), createAccount({ label: "idem-b" })]);
  });

  it("answers a retry with the first answer and starts nothing more", async () => {
    const before = await taskCount(a);
    const first = await create(a, REBUILD, "rebuild-1");
    const again = await create(a, REBUILD, "rebuild-1");
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.json.task.id).toBe(first.json.task.id);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await taskCount(a)).toBe(before + 1);
  });

  it("refuses a key reused with other parameters, and keeps keys apart per tenant", async () => {
    await create(a, REBUILD, "shared-key");
    const other = await create(a, { type: "dcl.rebuild", input: {}, maxAttempts: 2 }, "shared-key");
    expect(other.status).toBe(422);
    expect(other.json.detail).toContain("already used with different parameters");
    const tenantB = await create(b, REBUILD, "shared-key");
    expect(tenantB.status).toBe(201);
    expect(tenantB.headers.get("idempotent-replayed")).toBeNull();
  });

  it("runs every request without a key, and refuses a malformed key", async () => {
    const before = await taskCount(b);
    await create(b, REBUILD);
    await create(b, REBUILD);
    expect(await taskCount(b)).toBe(before + 2);
    expect((await create(b, REBUILD, "has spaces")).status).toBe(422);
    expect((await create(b, REBUILD, "x".repeat(256))).status).toBe(422);
  });

  it("lets one of two simultaneous requests with one key start the work", async () => {
    const before = await taskCount(a);
    const answers = await Promise.all([create(a, REBUILD, "race"), create(a, REBUILD, "race")]);
    expect(answers.map((r) => r.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect(await taskCount(a)).toBe(before + 1);
  });
});
