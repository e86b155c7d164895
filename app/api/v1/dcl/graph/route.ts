import { withTenant } from "@/lib/http/route";
import { buildLineageGraph } from "@/lib/dcl/graph";

export const GET = withTenant(async ({ ctx }) => buildLineageGraph(ctx), { scope: "dcl:read" });
