import type { Metadata } from "next";
import type { ReactNode } from "react";
import { connection } from "next/server";
import "@fontsource/quicksand/400.css";
import "@fontsource/quicksand/500.css";
import "@fontsource/quicksand/700.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AutonomOS", template: "%s · AutonomOS" },
  description: "Multi-tenant AI data orchestration",
};

/** Every page renders per request, so Next.js can put the request's CSP nonce (proxy.ts) on its scripts. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
