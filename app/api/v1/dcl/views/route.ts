import { withTenant } from "@/lib/http/route";
import { listViews } from "@/lib/dcl/views/query";
import { ViewList } from "@/lib/dcl/views/schemas";

/** Every entity's unified view (one per ontology entity): its columns, row count and the streams feeding it, from the current build. */
export const GET = withTenant(async ({ ctx }) => listViews(ctx), { scope: "dcl:read", response: ViewList });
