import { withTenant } from "@/lib/http/route";
import { listDriftEvents } from "@/lib/aam/drift/review";
import { ListDriftQuery } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, query }) => listDriftEvents({ ctx, query }), { scope: "aam:read", query: ListDriftQuery });
