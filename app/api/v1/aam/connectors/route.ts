import { withTenant } from "@/lib/http/route";
import { listConnectors } from "@/lib/aam/overview";

export const GET = withTenant(async ({ ctx }) => ({ connectors: await listConnectors({ ctx }) }), { scope: "aam:read" });
