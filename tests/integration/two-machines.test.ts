import { execFile } from "node:child_process";
import { appendFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3rver, type LocalS3 } from "../support/s3rver";

const run = promisify(execFile);
// Several machines share a PostgreSQL server; the embedded database belongs to one process.
const onServer = Boolean(process.env.DATABASE_URL);

/** Opportunity-shaped rows, `from` to `to`. */
const rows = (from: number, to: number) =>
  Array.from(
    { length: to - from },
    (_, k) => `006${String(from + k).padStart(12, "0")},Deal ${from + k},Negotiation,${1000 + from + k},USD,2026-03-01\n`,
  ).join("");
const HEADER = "Id,Name,StageName,Amount,CurrencyIsoCode,CloseDate\n";

describe.skipIf(!onServer)("two app machines on one PostgreSQL and one object store", () => {
  let s3: LocalS3;
  let tmp: string;
  let machineA: NodeJS.ProcessEnv;

  beforeAll(async () => {
    s3 = await startS3rver();
    tmp = await mkdtemp(path.join(os.tmpdir(), "aos-two-machines-"));
    // What every machine of a deployment shares: the object store, and the key its credentials are sealed with.
    const shared = {
      AOS_ENCRYPTION_KEY: "two-machines-test-key-two-machines-test-key",
      AOS_STORE_URL: `s3://${s3.bucket}/shared`,
      AOS_STORE_S3_FORCE_PATH_STYLE: "true",
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      AWS_ENDPOINT_URL_S3: s3.endpoint,
    };
    // This process is machine B: its store settings are in place before lib/env is first read.
    Object.assign(process.env, shared, { AOS_DATA_DIR: await mkdtemp(path.join(tmp, "machine-b-")) });
    machineA = { ...process.env, ...shared, AOS_DATA_DIR: await mkdtemp(path.join(tmp, "machine-a-")) };
  });

  afterAll(async () => {
    await s3?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  /** Runs a TypeScript entry point as machine A: a process of its own, with its own cache folder. */
  async function onMachineA(script: string, args: string[]): Promise<string> {
    const tsx = path.resolve("node_modules/tsx/dist/cli.mjs");
    const { stdout } = await run(process.execPath, [tsx, "--conditions=react-server", script, ...args], {
      env: machineA,
      maxBuffer: 1 << 24,
    });
    return stdout;
  }

  it("see each other's syncs and rebuilds at once, files and views alike", { timeout: 120_000 }, async () => {
    const { createAccount } = await import("../support/accounts");
    const { inspectDb, scopedDb } = await import("../support/db");
    const { readBuild } = await import("@/lib/dcl/views/builds");
    const { queryView, ViewQuery } = await import("@/lib/dcl/views/query");
    const { stageForUpload } = await import("@/lib/aam/connectors/file/uploaded");
    const { storeUpload } = await import("@/lib/aam/uploads");
    const { syncConnection } = await import("@/lib/aam/sync");
    const { connectDcl } = await import("@/lib/dcl/connect");

    const owner = await createAccount({ label: "two-machines" });
    const { slug } = await (await inspectDb()).tenant.findUniqueOrThrow({ where: { id: owner.tenantId }, select: { slug: true } });
    const scope = { tenantId: owner.tenantId, db: await scopedDb(owner.tenantId) };
    const total = async () => (await queryView(scope, "opportunity", ViewQuery.parse({ limit: "1" }))).total;
    const file = path.join(tmp, "opportunities.csv");
    await writeFile(file, HEADER + rows(0, 40));

    // Machine A uploads, syncs, maps and builds; B reads the build as soon as A is done.
    const loaded = JSON.parse(await onMachineA("scripts/aos.ts", ["load", file, "--tenant", slug, "--json"])) as {
      connectionId: string;
      views: { entity: string; rows: number }[];
    };
    const doneOnA = Date.now();
    expect(loaded.views.find((v) => v.entity === "opportunity")?.rows).toBe(40);
    expect(await total()).toBe(40);
    expect(Date.now() - doneOnA).toBeLessThan(1000);
    const firstBuild = (await readBuild(scope)).id;

    // Machine B syncs the file A uploaded (read from the store, not from A's disk), after a new upload of it.
    await appendFile(file, rows(40, 45));
    await storeUpload(scope, loaded.connectionId, "opportunities.csv", await stageForUpload(file));
    expect((await syncConnection(scope, loaded.connectionId)).read["opportunities.csv"]).toEqual({ stored: 5, quarantined: 0 });
    await connectDcl(scope);
    const seenOnA = JSON.parse(await onMachineA("tests/support/read-view.ts", [owner.tenantId, "opportunity"])) as {
      build: string;
      total: number;
    };
    expect(seenOnA.total).toBe(45);
    expect(seenOnA.build).toBe((await readBuild(scope)).id);
    expect(seenOnA.build).not.toBe(firstBuild);
  });
});
