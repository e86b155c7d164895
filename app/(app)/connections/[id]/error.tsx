"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";

/**
 * The connection page failed on the server. Never shows the error's message: a sentence fit for
 * anyone, the digest the server log is keyed by, a retry that re-fetches and the way back.
 */
export default function ConnectionError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="space-y-6">
      <Link href="/connections" className="text-sm text-slate-600 hover:underline dark:text-slate-300">← Connections</Link>
      <Card>
        <div role="alert" className="space-y-3 text-sm">
          <p className="font-semibold">This connection could not be shown just now.</p>
          <p className={MUTED}>
            Nothing was changed, and its syncs go on. Try again in a moment; if it keeps failing, give your administrator
            {digest ? <> the reference <span className="font-mono">{digest}</span></> : " the time it happened"}.
          </p>
          <Button type="button" onClick={() => retry()}>Try again</Button>
        </div>
      </Card>
    </div>
  );
}
