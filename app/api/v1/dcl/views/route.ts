import { withTenant } from "@/lib/http/route";
import { listViews } from "@/lib/dcl/views/query";

export const GET = withTenant(async ({ ctx }) => listViews(ctx), { scope: "dcl:read" });
