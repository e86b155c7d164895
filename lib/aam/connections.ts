import "server-only";
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import { ConflictError, NotFoundError, SourceError, ValidationError } from "@/lib/errors";
import { Prisma, type Connection } from "@/lib/generated/prisma/client";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { restoreMaskedSecrets } from "@/lib/crypto/mask-secrets";
import { open, seal } from "@/lib/crypto/secret-box";
import { connectorSpec } from "@/lib/aam/connectors/registry";
import { legacyUploadDirectory } from "@/lib/aam/connectors/file/uploaded";
import { getStore, storeKeys } from "@/lib/store";
import { log } from "@/lib/log";
import type { ConnectionType } from "@/lib/aam/schemas";
import { ConnectorError, ConnectorRefusedError, type Connector } from "@/lib/aam/connectors/types";
import type { ConnectionPage, CreateConnectionInput, ListConnectionsQuery, UpdateConnectionInput } from "@/lib/aam/schemas";
import { toConnectionDto, type ConnectionDto } from "@/lib/aam/dto";
import { pageArgs, toPage } from "@/lib/db/page";
import { orderOf } from "@/lib/http/list";
import { newConnectionSettings, updatedConnectionSettings } from "@/lib/aam/safe-mode";
import { cancelConnectionTasks } from "@/lib/tasks/cancel-connection-tasks";

/** Bound to each config ciphertext, so a config copied onto another row does not decrypt. */
export const connectionSealContext = (c: { tenantId: string; id: string }) => `connection:${c.tenantId}:${c.id}`;

/** Validates `config` against the type's schema and rules: 422 with the field paths when it does not fit. */
async function parseConfig(type: ConnectionType, config: unknown): Promise<Record<string, unknown>> {
  const spec = connectorSpec(type);
  const parsed = spec.config.safeParse(config);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: ["config", ...i.path].join("."), message: i.message }));
    throw new ValidationError(`Invalid config for a ${type} connection: ${issues[0]?.path}: ${issues[0]?.message}`, { issues });
  }
  await spec.validate?.(parsed.data);
  return parsed.data as Record<string, unknown>;
}

/** Throws ValidationError (422) for a config that does not fit, or settings safe mode refuses (lib/aam/safe-mode.ts). */
export async function createConnection({ ctx, input }: { ctx: TenantContext; input: CreateConnectionInput }): Promise<ConnectionDto> {
  const settings = newConnectionSettings(input);
  const config = await parseConfig(input.type, input.config);
  const id = randomUUID();
  try {
    const row = await ctx.db.connection.create({
      data: {
        id,
        tenantId: ctx.tenantId,
        name: input.name,
        type: input.type,
        ...settings,
        configCipher: await seal(JSON.stringify(config), connectionSealContext({ tenantId: ctx.tenantId, id })),
        createdById: ctx.actor.userId,
      },
    });
    return toConnectionDto(row, config);
  } catch (error) {
    throw uniqueName(error, input.name);
  }
}

/**
 * A page of the tenant's connections, secrets removed: in `query.sort` order (oldest first by
 * default), of one type or status when asked. The overview with drift and mappings is `listConnectors`.
 */
export async function listConnections({ ctx, query }: { ctx: TenantContext; query: ListConnectionsQuery }): Promise<ConnectionPage> {
  const rows = await ctx.db.connection.findMany({
    where: { tenantId: ctx.tenantId, ...(query.type ? { type: query.type } : {}), ...(query.status ? { status: query.status } : {}) },
    orderBy: orderOf(query.sort ?? { field: "createdAt", direction: "asc" }),
    ...pageArgs(query),
  });
  const { items, nextCursor } = toPage(rows, query.limit);
  return { connections: await Promise.all(items.map(async (row) => toConnectionDto(row, await readConfig(row)))), nextCursor };
}

/** Every connection's id and name, oldest first: for pages that name connections (no config is decrypted). */
export async function listConnectionNames({ ctx }: { ctx: TenantContext }): Promise<{ id: string; name: string }[]> {
  return ctx.db.connection.findMany({
    where: { tenantId: ctx.tenantId },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/** Scoped to the tenant. Throws NotFoundError. */
export async function getConnectionOrThrow(ctx: TenantScope, id: string): Promise<Connection> {
  const row = await ctx.db.connection.findFirst({ where: { id, tenantId: ctx.tenantId } });
  if (!row) throw new NotFoundError("Connection");
  return row;
}

export async function readConfig(row: Connection): Promise<Record<string, unknown>> {
  return JSON.parse(await open(row.configCipher, connectionSealContext(row))) as Record<string, unknown>;
}

export async function getConnection({ ctx, id }: { ctx: TenantContext; id: string }): Promise<ConnectionDto> {
  const row = await getConnectionOrThrow(ctx, id);
  return toConnectionDto(row, await readConfig(row));
}

/**
 * Config keys left out keep their stored values, and so do masked values sent back (lib/crypto/mask-secrets.ts): secrets need not be sent again.
 * Safe mode is never switched here (promotion leaves it), and its limit and policy keep to its rules: ValidationError otherwise.
 */
export async function updateConnection({
  ctx,
  id,
  input,
}: {
  ctx: TenantContext;
  id: string;
  input: UpdateConnectionInput;
}): Promise<ConnectionDto> {
  const row = await getConnectionOrThrow(ctx, id);
  const settings = updatedConnectionSettings(row, input);
  let config = await readConfig(row);
  const data: Prisma.ConnectionUpdateManyMutationInput = { schemaPolicy: settings.schemaPolicy, sampleRowLimit: settings.sampleRowLimit };
  if (input.config) {
    config = await parseConfig(row.type, { ...config, ...restoreMaskedSecrets(input.config, config) });
    data.configCipher = await seal(JSON.stringify(config), connectionSealContext(row));
  }
  if (input.name) data.name = input.name;
  try {
    // Only while safe mode is as it was read: a promotion meanwhile must not get a limit back.
    const { count } = await ctx.db.connection.updateMany({ where: { id, tenantId: ctx.tenantId, safeMode: row.safeMode }, data });
    if (count === 0) {
      await getConnectionOrThrow(ctx, id);
      throw new ConflictError("The connection was promoted meanwhile; try again");
    }
  } catch (error) {
    throw uniqueName(error, input.name ?? row.name);
  }
  return toConnectionDto(await getConnectionOrThrow(ctx, id), config);
}

/** Deletes the connection with everything read from it (events, schemas, drift, mappings) and its uploaded files, and cancels its unfinished tasks. */
export async function deleteConnection({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  const { count } = await ctx.db.connection.deleteMany({ where: { id, tenantId: ctx.tenantId } });
  if (count === 0) throw new NotFoundError("Connection");
  // Its queued and running tasks end "cancelled: the connection was deleted"; left queued, they would only fail.
  await cancelConnectionTasks(ctx, id).catch((error) =>
    log.warn("tasks of a deleted connection not cancelled", { tenantId: ctx.tenantId, connectionId: id, error }),
  );
  // Its uploads go now, released versions too, and its record segments. The connection is gone
  // either way: a store that fails here only leaves the files to the garbage collector.
  const uploads = storeKeys.connectionUploads(ctx.tenantId, id);
  await ctx.db.releasedUpload.deleteMany({ where: { tenantId: ctx.tenantId, objectKey: { startsWith: uploads } } });
  try {
    const store = await getStore();
    const files = [...(await store.list(uploads)), ...(await store.list(storeKeys.connectionRecords(ctx.tenantId, id)))];
    await store.delete(files.map((o) => o.key));
    await rm(legacyUploadDirectory({ tenantId: ctx.tenantId, connectionId: id }), { recursive: true, force: true });
  } catch (error) {
    log.warn("files of a deleted connection not deleted", { tenantId: ctx.tenantId, connectionId: id, error });
  }
}

/** Pauses or resumes syncing by hand. Resuming clears an error or a policy pause. */
export async function setConnectionPaused({
  ctx,
  id,
  paused,
}: {
  ctx: TenantContext;
  id: string;
  paused: boolean;
}): Promise<ConnectionDto> {
  const { count } = await ctx.db.connection.updateMany({
    where: { id, tenantId: ctx.tenantId },
    data: paused
      ? { status: "paused", pauseReason: "manual", statusMessage: "Paused by a person" }
      : { status: "active", pauseReason: null, statusMessage: null },
  });
  if (count === 0) throw new NotFoundError("Connection");
  return getConnection({ ctx, id });
}

/** The connection's connector, built from its decrypted config. The caller closes it. */
export async function openConnector(ctx: TenantScope, row: Connection): Promise<Connector> {
  return connectorSpec(row.type).create(await readConfig(row), { scope: ctx, connectionId: row.id, safeMode: row.safeMode });
}

/** Opens the connection's connector for `fn` and always closes it. */
export async function withConnector<T>(ctx: TenantScope, row: Connection, fn: (connector: Connector) => Promise<T>): Promise<T> {
  const connector = await openConnector(ctx, row);
  try {
    return await fn(connector);
  } finally {
    await connector.close();
  }
}

/** A source's failure as a 502; a source safe mode refuses to use as configured is the caller's to fix (422). */
export function toSourceError(error: unknown): unknown {
  if (error instanceof ConnectorRefusedError) return new ValidationError(error.message, { kind: error.kind });
  return error instanceof ConnectorError ? new SourceError(error.message, { kind: error.kind }) : error;
}

function uniqueName(error: unknown, name: string): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
    return new ConflictError(`A connection named "${name}" already exists`);
  return error;
}
