import { withPublic } from "@/lib/http/route";
import { checkDatabase } from "@/lib/health/check-health";
import { AamHealth } from "@/lib/aam/schemas";

export const dynamic = "force-dynamic";

/** The AAM's own liveness: one cheap database round trip. 503 with the same body when it fails. */
export const GET = withPublic(
  async () => {
    const database = await checkDatabase();
    const health: AamHealth = { status: database.status, database };
    return Response.json(health, { status: database.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
  },
  { response: AamHealth },
);
