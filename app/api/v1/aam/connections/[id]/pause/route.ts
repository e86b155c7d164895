import { withTenant } from "@/lib/http/route";
import { setConnectionPaused } from "@/lib/aam/connections";
import { ConnectionAnswer, ConnectionParams } from "@/lib/aam/schemas";

/** Pauses syncing by hand: syncs are refused until it is resumed. */
export const POST = withTenant(
  async ({ ctx, params }) => ({ connection: await setConnectionPaused({ ctx, id: params.id, paused: true }) }),
  { scope: "aam:write", params: ConnectionParams, response: ConnectionAnswer },
);
