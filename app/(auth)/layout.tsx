import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/shell/theme-toggle";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-br from-brand-50 to-white p-6 dark:from-slate-950 dark:to-slate-900">
      <div className="w-full max-w-sm">
        <p className="mb-6 text-center text-2xl font-bold tracking-tight text-brand-700 dark:text-blue-300">AutonomOS</p>
        {children}
        <ThemeToggle className="mt-6 justify-center" />
      </div>
    </main>
  );
}
