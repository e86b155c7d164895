import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { getCurrentAccount } from "@/lib/tenancy/account";
import { requirePageContext } from "./page-context";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const account = await getCurrentAccount({ ctx: await requirePageContext() });
  return <AppShell account={account}>{children}</AppShell>;
}
