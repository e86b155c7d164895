"use server";

import { z } from "zod";
import { createConnection, deleteConnection, setConnectionPaused, updateConnection } from "@/lib/aam/connections";
import { acceptSchemaChanges } from "@/lib/aam/drift/review";
import { ConnectionParams, CreateConnectionInput, SchemaPolicy } from "@/lib/aam/schemas";
import { promoteConnection } from "@/lib/aam/promote";
import { checkConnection, requestSync } from "@/lib/aam/source-actions";
import { tenantAction } from "../action-client";

const PolicyInput = ConnectionParams.extend({ schemaPolicy: SchemaPolicy });
const PauseInput = ConnectionParams.extend({ paused: z.boolean() });

// Each action answers only what its UI needs, never the full connection.
const create = tenantAction(CreateConnectionInput, "aam:write", async ({ ctx, input }) => ({ id: (await createConnection({ ctx, input })).id }));
const setPolicy = tenantAction(PolicyInput, "aam:write", async ({ ctx, input }) => ({
  schemaPolicy: (await updateConnection({ ctx, id: input.id, input: { schemaPolicy: input.schemaPolicy } })).schemaPolicy,
}));
const check = tenantAction(ConnectionParams, "aam:write", async ({ ctx, input }) => {
  const result = await checkConnection({ ctx, id: input.id });
  return result.ok ? { ok: true as const, latencyMs: result.latencyMs } : { ok: false as const, message: result.message };
}, { rateLimit: "probe" });
const sync = tenantAction(ConnectionParams, "aam:write", async ({ ctx, input }) => ({ taskId: (await requestSync({ ctx, id: input.id })).id }), { rateLimit: "sync" });
const pause = tenantAction(PauseInput, "aam:write", async ({ ctx, input }) => ({ status: (await setConnectionPaused({ ctx, id: input.id, paused: input.paused })).status }));
const promote = tenantAction(ConnectionParams, "aam:write", async ({ ctx, input }) => {
  const result = await promoteConnection({ ctx, id: input.id });
  return { mappingsApproved: result.mappingsApproved, syncQueued: result.sync !== null };
}, { rateLimit: "sync" });
const accept = tenantAction(ConnectionParams, "aam:write", ({ ctx, input }) => acceptSchemaChanges({ ctx, connectionId: input.id }));
const remove = tenantAction(ConnectionParams, "aam:write", async ({ ctx, input }) => {
  await deleteConnection({ ctx, id: input.id });
  return null;
});

export async function createConnectionAction(input: z.input<typeof CreateConnectionInput>) {
  return create(input);
}

export async function updateSchemaPolicyAction(input: z.input<typeof PolicyInput>) {
  return setPolicy(input);
}

export async function checkConnectionAction(input: { id: string }) {
  return check(input);
}

export async function syncConnectionAction(input: { id: string }) {
  return sync(input);
}

export async function setConnectionPausedAction(input: { id: string; paused: boolean }) {
  return pause(input);
}

export async function promoteConnectionAction(input: { id: string }) {
  return promote(input);
}

export async function acceptSchemaChangesAction(input: { id: string }) {
  return accept(input);
}

export async function deleteConnectionAction(input: { id: string }) {
  return remove(input);
}
