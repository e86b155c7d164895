"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";

/**
 * The list failed on the server. Never shows the error's message: a sentence fit for anyone, the
 * digest the server log is keyed by, and a retry that re-fetches.
 */
export default function ConnectionsError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Connections</h1>
      <Card>
        <div role="alert" className="space-y-3 text-sm">
          <p className="font-semibold">Your connections could not be read just now.</p>
          <p className={MUTED}>
            Nothing was changed. Try again in a moment; if it keeps failing, give your administrator
            {digest ? <> the reference <span className="font-mono">{digest}</span></> : " the time it happened"}.
          </p>
          <Button type="button" onClick={() => retry()}>Try again</Button>
        </div>
      </Card>
    </div>
  );
}
