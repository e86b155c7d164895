import { POST as connectRoute } from "@/app/api/v1/dcl/connect/route";
import { GET as viewRoute } from "@/app/api/v1/dcl/views/[entity]/route";
import { call } from "./http";

export async function connectVia(token: string) {
  const res = await call(connectRoute, "POST", "/api/v1/dcl/connect", { token });
  if (res.status !== 200) throw new Error(`connect: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { streams: number; proposed: number; autoApproved: number; build: { entities: { entity: string; rows: number }[] } };
}

export async function viewRows(token: string, entity: string, query = "") {
  const res = await call(viewRoute, "GET", `/api/v1/dcl/views/${entity}${query ? `?${query}` : ""}`, { token, params: { entity } });
  if (res.status !== 200) throw new Error(`view ${entity}: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { total: number; rows: Record<string, unknown>[]; columns: { name: string }[] };
}
