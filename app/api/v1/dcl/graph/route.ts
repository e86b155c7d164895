import { withTenant } from "@/lib/http/route";
import { buildLineageGraph } from "@/lib/dcl/graph";
import { LineageGraph } from "@/lib/dcl/schemas";

/** The lineage graph: connections, their streams, the entities they feed and the agents reading them, weighted by rows. */
export const GET = withTenant(async ({ ctx }) => buildLineageGraph(ctx), { scope: "dcl:read", response: LineageGraph });
