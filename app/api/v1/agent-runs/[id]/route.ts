import { z } from "zod";
import { withTenant } from "@/lib/http/route";
import { getRun } from "@/lib/agents/runs";

export const GET = withTenant(async ({ ctx, params }) => getRun({ ctx, id: params.id }), {
  scope: "agents:read",
  params: z.object({ id: z.uuid() }),
});
