import { withTenant } from "@/lib/http/route";
import { setConnectionPaused } from "@/lib/aam/connections";
import { ConnectionAnswer, ConnectionParams } from "@/lib/aam/schemas";

/** Resumes syncing; clears an error or a policy pause. */
export const POST = withTenant(
  async ({ ctx, params }) => ({ connection: await setConnectionPaused({ ctx, id: params.id, paused: false }) }),
  { scope: "aam:write", params: ConnectionParams, response: ConnectionAnswer },
);
