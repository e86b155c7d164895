"use client";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** A failed load of the page: a plain message and a way to try again; the details are in the server log under the reference. */
export default function OrchestrationError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <Card>
      <h1 className="text-lg font-semibold">The tasks could not be loaded</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        Something went wrong on the server{error.digest ? ` (reference ${error.digest})` : ""}. Try again in a moment.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </Card>
  );
}
