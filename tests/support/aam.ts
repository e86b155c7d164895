import { POST as createRoute } from "@/app/api/v1/aam/connections/route";
import { DELETE as deleteFileRoute, POST as uploadRoute } from "@/app/api/v1/aam/connections/[id]/files/route";
import { scopedDb } from "./db";
import { syncConnection } from "@/lib/aam/sync";
import { call } from "./http";

/** Creates a connection through the API; throws unless it answers 201. */
export async function createConnectionVia(token: string, body: Record<string, unknown>) {
  const res = await call(createRoute, "POST", "/api/v1/aam/connections", { token, body });
  if (res.status !== 201) throw new Error(`create connection: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.connection as { id: string; name: string; config: Record<string, unknown>; secretsSet: string[] };
}

export async function uploadFile(token: string, connectionId: string, name: string, content: string | Buffer) {
  return call(uploadRoute, "POST", `/api/v1/aam/connections/${connectionId}/files?name=${encodeURIComponent(name)}`, {
    token,
    rawBody: content as string,
    headers: { "content-type": "text/csv" },
    params: { id: connectionId },
  });
}

export async function deleteFile(token: string, connectionId: string, name: string) {
  return call(deleteFileRoute, "DELETE", `/api/v1/aam/connections/${connectionId}/files?name=${encodeURIComponent(name)}`, {
    token,
    params: { id: connectionId },
  });
}

/** One sync in this process, as the ingest CLI runs it. */
export async function syncNow(tenantId: string, connectionId: string) {
  return syncConnection({ tenantId, db: await scopedDb(tenantId) }, connectionId);
}
