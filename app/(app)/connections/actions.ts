"use server";

import { z } from "zod";
import { createConnection, deleteConnection, setConnectionPaused, updateConnection } from "@/lib/aam/connections";
import { acceptSchemaChanges } from "@/lib/aam/drift/review";
import { ConnectionParams, CreateConnectionInput, UpdateConnectionInput, UploadQuery } from "@/lib/aam/schemas";
import { promoteConnection } from "@/lib/aam/promote";
import { checkConnection, requestSync } from "@/lib/aam/source-actions";
import { deleteUpload } from "@/lib/aam/uploads";
import { tenantAction } from "../action-client";

/** As `PATCH /api/v1/aam/connections/{id}`: config keys left out (secrets left blank) keep their stored values. */
const EditInput = ConnectionParams.extend({ changes: UpdateConnectionInput });
const FileInput = ConnectionParams.extend(UploadQuery.shape);
const PauseInput = ConnectionParams.extend({ paused: z.boolean() });

// Each action answers only what its UI needs, never the full connection.
const create = tenantAction(CreateConnectionInput, "aam:write", async ({ ctx, input }) => ({
  id: (await createConnection({ ctx, input })).id,
}));
const edit = tenantAction(EditInput, "aam:write", async ({ ctx, input }) => ({
  name: (await updateConnection({ ctx, id: input.id, input: input.changes })).name,
}));
const removeFile = tenantAction(FileInput, "aam:write", async ({ ctx, input }) => {
  await deleteUpload({ ctx, connectionId: input.id, name: input.name });
  return null;
});
const check = tenantAction(
  ConnectionParams,
  "aam:write",
  async ({ ctx, input }) => {
    const result = await checkConnection({ ctx, id: input.id });
    return result.ok ? { ok: true as const, latencyMs: result.latencyMs } : { ok: false as const, message: result.message };
  },
  { rateLimit: "probe" },
);
const sync = tenantAction(
  ConnectionParams,
  "aam:write",
  async ({ ctx, input }) => ({ taskId: (await requestSync({ ctx, id: input.id })).id }),
  { rateLimit: "sync" },
);
const pause = tenantAction(PauseInput, "aam:write", async ({ ctx, input }) => ({
  status: (await setConnectionPaused({ ctx, id: input.id, paused: input.paused })).status,
}));
const promote = tenantAction(
  ConnectionParams,
  "aam:write",
  async ({ ctx, input }) => {
    const result = await promoteConnection({ ctx, id: input.id });
    return { mappingsApproved: result.mappingsApproved, syncQueued: result.sync !== null };
  },
  { rateLimit: "sync" },
);
const accept = tenantAction(ConnectionParams, "aam:write", ({ ctx, input }) => acceptSchemaChanges({ ctx, connectionId: input.id }));
const remove = tenantAction(ConnectionParams, "aam:write", async ({ ctx, input }) => {
  await deleteConnection({ ctx, id: input.id });
  return null;
});

export async function createConnectionAction(input: z.input<typeof CreateConnectionInput>) {
  return create(input);
}

export async function updateConnectionAction(input: z.input<typeof EditInput>) {
  return edit(input);
}

export async function deleteUploadedFileAction(input: z.input<typeof FileInput>) {
  return removeFile(input);
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
