import "server-only";
import type { Connection, Prisma, SchemaFingerprint } from "@/lib/generated/prisma/client";
import type { TenantScope } from "@/lib/auth/context";
import type { DiscoverResult, SourceStream } from "@/lib/aam/connectors/types";
import { fingerprintSchema, normalizeFields, profileSample, type SchemaField, type SchemaProfile } from "@/lib/aam/schema/fingerprint";
import { compareSchemas } from "./classify";
import { decide, type PolicyDecision } from "./policy";
import type { SchemaChange } from "./types";

type Tx = Prisma.TransactionClient;

export type DiscoveryOutcome = {
  /** Streams to read now, each with the id of the fingerprint its records are read under. */
  readable: { stream: SourceStream; fingerprintId: string }[];
  changes: number;
  pending: number;
  paused: boolean;
};

/**
 * Records what a sync discovered: a fingerprint per stream, a DriftEvent per change against the
 * accepted schema, and the connection's policy decision. The first discovery of a connection is
 * its baseline (no drift). A change already reported and still pending is not reported again.
 */
export async function recordDiscovery(
  ctx: TenantScope,
  connection: Connection,
  discovered: DiscoverResult,
  taskId?: string,
): Promise<DiscoveryOutcome> {
  return ctx.db.$transaction(
    async (tx) => {
      const rows = await tx.connectionStream.findMany({ where: { connectionId: connection.id, tenantId: ctx.tenantId } });
      const fingerprints = await tx.schemaFingerprint.findMany({
        where: {
          connectionId: connection.id,
          id: { in: rows.flatMap((r) => [r.acceptedFingerprintId, r.pendingFingerprintId]).filter((id): id is string => !!id) },
        },
      });
      const byId = new Map(fingerprints.map((f) => [f.id, f]));
      const baseline = rows.length === 0;
      const outcome: DiscoveryOutcome = { readable: [], changes: 0, pending: 0, paused: false };
      const record = recorder(tx, ctx, connection, taskId, outcome);

      for (const stream of discovered.streams) {
        const fields = normalizeFields(stream.fields);
        const profile = profileSample(fields, stream.sample);
        const seen = await upsertFingerprint(tx, ctx, connection.id, stream.name, fields, profile);
        const row = rows.find((r) => r.name === stream.name);
        const accepted = row?.status === "active" && row.acceptedFingerprintId ? byId.get(row.acceptedFingerprintId) : undefined;
        const pending = row?.pendingFingerprintId ? byId.get(row.pendingFingerprintId) : undefined;

        if (!accepted) {
          if (pending?.hash === seen.hash) continue; // a new stream still waiting for approval
          if (pending) await supersede(tx, connection.id, stream.name, row!.id);
          const changes: SchemaChange[] = baseline
            ? []
            : [{ kind: "stream_added", severity: "non_breaking", details: { fields: fields.length } }];
          const decision = await record(stream.name, changes, undefined, seen);
          await saveStream(
            tx,
            ctx,
            connection.id,
            stream.name,
            decision === "accept"
              ? { acceptedFingerprintId: seen.id, pendingFingerprintId: null }
              : { acceptedFingerprintId: null, pendingFingerprintId: seen.id },
          );
          if (decision === "accept") outcome.readable.push({ stream, fingerprintId: seen.id });
          continue;
        }
        if (accepted.hash === seen.hash) {
          if (pending) await supersede(tx, connection.id, stream.name, row!.id); // the source went back to the accepted shape
          outcome.readable.push({ stream, fingerprintId: seen.id });
          continue;
        }
        if (pending?.hash !== seen.hash) {
          if (pending) await supersede(tx, connection.id, stream.name, row!.id);
          const changes = compareSchemas(
            { fields: accepted.fields as SchemaField[], profile: accepted.profile as SchemaProfile },
            { fields, profile },
          );
          const decision = await record(stream.name, changes, accepted, seen);
          await saveStream(
            tx,
            ctx,
            connection.id,
            stream.name,
            decision === "accept" ? { acceptedFingerprintId: seen.id, pendingFingerprintId: null } : { pendingFingerprintId: seen.id },
          );
        }
        // Existing streams keep flowing while a change waits for approval; the connection pause stops everything.
        outcome.readable.push({ stream, fingerprintId: seen.id });
      }

      const discoveredNames = new Set([...discovered.streams.map((s) => s.name), ...discovered.problems.map((p) => p.stream)]);
      for (const row of rows) {
        if (row.status !== "active" || !row.acceptedFingerprintId || discoveredNames.has(row.name)) continue;
        const reported = await tx.driftEvent.count({
          where: { connectionId: connection.id, stream: row.name, kind: "stream_removed", status: "pending" },
        });
        if (reported > 0) continue;
        const decision = await record(
          row.name,
          [{ kind: "stream_removed", severity: "breaking", details: {} }],
          byId.get(row.acceptedFingerprintId),
          undefined,
        );
        if (decision === "accept") await tx.connectionStream.update({ where: { id: row.id }, data: { status: "removed" } });
      }

      if (outcome.paused) {
        await tx.connection.update({
          where: { id: connection.id },
          data: {
            status: "paused",
            pauseReason: "schema",
            statusMessage: "Paused by its schema-change policy: a breaking change waits for review",
          },
        });
        outcome.readable = [];
      }
      return outcome;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}

/** Stores a stream's changes as DriftEvents with the status the policy gives them; returns the decision. */
function recorder(tx: Tx, ctx: TenantScope, connection: Connection, taskId: string | undefined, outcome: DiscoveryOutcome) {
  return async (
    stream: string,
    changes: SchemaChange[],
    from: SchemaFingerprint | undefined,
    to: SchemaFingerprint | undefined,
  ): Promise<PolicyDecision> => {
    const decision = decide(connection.schemaPolicy, changes);
    if (changes.length === 0) return decision;
    outcome.changes += changes.length;
    if (decision !== "accept") outcome.pending += changes.length;
    if (decision === "pause") outcome.paused = true;
    await tx.driftEvent.createMany({
      data: changes.map((c) => ({
        tenantId: ctx.tenantId,
        connectionId: connection.id,
        stream,
        kind: c.kind,
        severity: c.severity,
        field: c.field,
        previousField: c.previousField,
        previousType: c.previousType,
        currentType: c.currentType,
        confidence: c.confidence,
        details: { ...c.details, decision } as Prisma.InputJsonValue,
        status: decision === "accept" ? "applied" : "pending",
        fromFingerprintId: from?.id,
        toFingerprintId: to?.id,
        taskId,
      })),
    });
    return decision;
  };
}

async function upsertFingerprint(
  tx: Tx,
  ctx: TenantScope,
  connectionId: string,
  stream: string,
  fields: SchemaField[],
  profile: SchemaProfile,
) {
  const hash = fingerprintSchema(fields);
  return tx.schemaFingerprint.upsert({
    where: { connectionId_stream_hash: { connectionId, stream, hash } },
    create: {
      tenantId: ctx.tenantId,
      connectionId,
      stream,
      hash,
      fields: fields as Prisma.InputJsonValue,
      profile: profile as Prisma.InputJsonValue,
    },
    // Same hash, so the same fields; rewritten to record source type names first seen now.
    update: { fields: fields as Prisma.InputJsonValue, profile: profile as Prisma.InputJsonValue, lastSeenAt: new Date() },
  });
}

function saveStream(
  tx: Tx,
  ctx: TenantScope,
  connectionId: string,
  name: string,
  data: { acceptedFingerprintId?: string | null; pendingFingerprintId?: string | null },
) {
  return tx.connectionStream.upsert({
    where: { connectionId_name: { connectionId, name } },
    create: { tenantId: ctx.tenantId, connectionId, name, ...data },
    update: { status: "active", ...data },
  });
}

/** A pending change the source has since moved past: its events close as superseded. */
async function supersede(tx: Tx, connectionId: string, stream: string, rowId: string) {
  await tx.driftEvent.updateMany({
    where: { connectionId, stream, status: "pending" },
    data: { status: "superseded", resolvedAt: new Date() },
  });
  await tx.connectionStream.update({ where: { id: rowId }, data: { pendingFingerprintId: null } });
}
