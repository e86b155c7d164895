import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { resolvePageContext } from "@/lib/auth/request-auth";

/** The signed-in caller's tenant context for server components; redirects to /login when signed out. */
export const requirePageContext = cache(async () => {
  const ctx = await resolvePageContext((await headers()).get("cookie") ?? "", await getDb());
  if (!ctx) redirect("/login");
  return ctx;
});
