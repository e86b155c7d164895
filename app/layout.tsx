import type { Metadata } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { THEME_SCRIPT } from "@/components/ui/theme-script";
import "@fontsource/quicksand/400.css";
import "@fontsource/quicksand/500.css";
import "@fontsource/quicksand/700.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AutonomOS", template: "AOS %s" },
  description: "Multi-tenant AI data orchestration",
};

/**
 * Every page renders per request, so Next.js can put the request's CSP nonce (proxy.ts) on its
 * scripts; the theme script carries it too. That script sets <html>'s class before the first paint,
 * hence the suppressed hydration warning.
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script of ours (the theme before first paint), under the CSP nonce */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
