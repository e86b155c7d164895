"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** A failure reading the figures: a plain message and a retry, never the error's text (it is in the server log). */
export default function ControlCenterError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Control center</h1>
      <Card>
        <div role="alert" className="space-y-3">
          <p className="text-sm">The Control Center could not read your workspace&apos;s figures just now. Nothing was changed; try again in a moment.</p>
          {error.digest && <p className="text-xs text-slate-500 dark:text-slate-400">Reference {error.digest}</p>}
          <Button variant="secondary" onClick={reset}>Try again</Button>
        </div>
      </Card>
    </div>
  );
}
