import { withPublic } from "@/lib/http/route";
import { checkHealth } from "@/lib/health/check-health";
import { Health } from "@/lib/health/schemas";

export const dynamic = "force-dynamic";

/** Liveness and dependencies. 503 with the same body when the database is down. */
export const GET = withPublic(
  async () => {
    const health = await checkHealth();
    return Response.json(health, { status: health.status === "down" ? 503 : 200, headers: { "cache-control": "no-store" } });
  },
  { response: Health },
);
