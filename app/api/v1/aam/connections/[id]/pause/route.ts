import { withTenant } from "@/lib/http/route";
import { setConnectionPaused } from "@/lib/aam/connections";
import { ConnectionParams } from "@/lib/aam/schemas";

export const POST = withTenant(
  async ({ ctx, params }) => ({ connection: await setConnectionPaused({ ctx, id: params.id, paused: true }) }),
  { scope: "aam:write", params: ConnectionParams },
);
