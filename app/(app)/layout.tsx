import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireAccount } from "./page-context";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const account = await requireAccount();
  return <AppShell account={account}>{children}</AppShell>;
}
