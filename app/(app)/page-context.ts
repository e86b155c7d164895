import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { resolvePageContext } from "@/lib/auth/request-auth";
import { getCurrentAccount } from "@/lib/tenancy/account";

/** The signed-in caller's tenant context for server components; redirects to /login when signed out. */
export const requirePageContext = cache(async () => {
  const ctx = await resolvePageContext((await headers()).get("cookie") ?? "", await getDb());
  if (!ctx) redirect("/login");
  return ctx;
});

/** The signed-in user's account (user, tenant, memberships), read once per request for the layout and the page. */
export const requireAccount = cache(async () => getCurrentAccount({ ctx: await requirePageContext() }));
