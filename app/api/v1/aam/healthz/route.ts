import { withPublic } from "@/lib/http/route";
import { checkDatabase } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

/** The AAM's own liveness: one cheap database round trip. 503 when it fails. */
export const GET = withPublic(async () => {
  const database = await checkDatabase();
  return Response.json(
    { status: database.status, database },
    { status: database.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});
