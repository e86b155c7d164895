import "server-only";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createConnection } from "@/lib/aam/connections";
import { FILE_EXTENSIONS, isReadableFileName } from "@/lib/aam/connectors/file/config";
import { stageForUpload } from "@/lib/aam/connectors/file/uploaded";
import { storeUpload } from "@/lib/aam/uploads";
import { syncConnection } from "@/lib/aam/sync";
import { connectDcl } from "@/lib/dcl/connect";
import { DEMO } from "@/lib/db/seed";
import { tenantDb } from "@/lib/db/scope";

export type LoadReport = {
  tenant: string;
  connectionId: string;
  files: { name: string; bytes: number }[];
  seconds: { stage: number; sync: number; views: number; total: number };
  records: { stored: number; quarantined: number };
  views: { entity: string; rows: number }[];
  peakRssMb: number;
};

/**
 * `aos load <file or folder> [--tenant <slug>]`: the data engineer's first try. Uploads the CSV and
 * JSON Lines files into a file connection of the tenant (created on the first load of that path,
 * reused after), within its upload quota, syncs it, maps every stream and builds the views, timing
 * each phase. `db` is the owner's client (it finds the tenant);
 * the work runs in the tenant's scope as its owner.
 */
export async function load(db: PrismaClient, args: string[]): Promise<LoadReport> {
  const target = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--tenant");
  if (!target) throw new ValidationError("usage: npm run aos -- load <file or folder> [--tenant <slug>] [--json]");
  const slug = args.includes("--tenant") ? args[args.indexOf("--tenant") + 1] : DEMO.slug;
  const files = await filesAt(path.resolve(target));
  const tenant = await db.tenant.findUnique({
    where: { slug: slug ?? "" },
    select: { id: true, memberships: { where: { role: "owner" }, select: { userId: true }, take: 1 } },
  });
  if (!tenant) throw new NotFoundError(`Tenant "${slug}"`);
  const owner = tenant.memberships[0];
  if (!owner) throw new ValidationError(`Tenant "${slug}" has no owner to load as`);
  const ctx = {
    tenantId: tenant.id,
    db: tenantDb(db, tenant.id),
    actor: { userId: owner.userId, role: "owner" as const, via: "session" as const },
  };

  const started = performance.now();
  const name = `load: ${path.resolve(target)}`.slice(0, 200);
  const existing = await ctx.db.connection.findFirst({ where: { tenantId: tenant.id, name }, select: { id: true } });
  const connectionId =
    existing?.id ??
    (await createConnection({ ctx, input: { name, type: "file", schemaPolicy: "propagate_additive", config: { source: "upload" } } })).id;
  for (const file of files) await storeUpload(ctx, connectionId, file.name, await stageForUpload(file.path));
  const staged = performance.now();

  const sync = await syncConnection(ctx, connectionId);
  const synced = performance.now();
  const connect = await connectDcl(ctx);
  const done = performance.now();

  const read = Object.values(sync.read);
  return {
    tenant: slug!,
    connectionId,
    files: files.map((f) => ({ name: f.name, bytes: f.bytes })),
    seconds: { stage: secs(staged - started), sync: secs(synced - staged), views: secs(done - synced), total: secs(done - started) },
    records: { stored: read.reduce((n, r) => n + r.stored, 0), quarantined: read.reduce((n, r) => n + r.quarantined, 0) },
    views: connect.build.entities,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

const secs = (ms: number) => Math.round(ms) / 1000;

async function filesAt(target: string): Promise<{ path: string; name: string; bytes: number }[]> {
  const info = await stat(target).catch(() => null);
  if (!info) throw new ValidationError(`${target} does not exist`);
  const paths = info.isDirectory()
    ? (await readdir(target))
        .filter(isReadableFileName)
        .sort()
        .map((n) => path.join(target, n))
    : [target];
  if (!info.isDirectory() && !isReadableFileName(target))
    throw new ValidationError(`${path.basename(target)} is not a ${FILE_EXTENSIONS.join(", ")} file`);
  if (paths.length === 0) throw new ValidationError(`${target} holds no ${FILE_EXTENSIONS.join(", ")} files`);
  return Promise.all(paths.map(async (p) => ({ path: p, name: path.basename(p), bytes: (await stat(p)).size })));
}

/** The report as a table for people. */
export function formatLoadReport(r: LoadReport): string {
  const lines = [
    `tenant ${r.tenant}, connection ${r.connectionId}`,
    ...r.files.map((f) => `  ${f.name}  ${(f.bytes / 1024 ** 2).toFixed(1)} MB`),
    `records  ${r.records.stored.toLocaleString("en-US")} stored, ${r.records.quarantined.toLocaleString("en-US")} quarantined`,
    `seconds  stage ${r.seconds.stage}  sync ${r.seconds.sync}  map+views ${r.seconds.views}  total ${r.seconds.total}`,
    `views    ${
      r.views
        .filter((v) => v.rows > 0)
        .map((v) => `${v.entity} ${v.rows.toLocaleString("en-US")}`)
        .join(", ") || "none mapped"
    }`,
    `peak RSS ${r.peakRssMb} MB`,
  ];
  return lines.join("\n");
}
