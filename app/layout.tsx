import type { Metadata } from "next";
import type { ReactNode } from "react";
import "@fontsource/quicksand/400.css";
import "@fontsource/quicksand/500.css";
import "@fontsource/quicksand/700.css";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "AutonomOS", template: "%s · AutonomOS" },
  description: "Multi-tenant AI data orchestration",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
