import { getDb } from "@/lib/db";
import { withTenant } from "@/lib/http/route";
import { listMyInvitations } from "@/lib/tenancy/my-invitations";

/** Invitations addressed to the caller's verified email, in any tenant. */
export const GET = withTenant(async ({ ctx }) => listMyInvitations(await getDb(), ctx.actor.userId), { scope: "tenant:read" });
