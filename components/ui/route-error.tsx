"use client";

import { Button } from "./button";
import { Card } from "./card";
import { MUTED } from "./tone";

/**
 * What a page's `error.tsx` shows when it failed on the server: the page's title, one sentence fit
 * for anyone (`what`: "Your team could not be read just now."), the digest the server log is keyed
 * by, and a retry that fetches the page again. Never the error's message: it may name a driver,
 * a table or a host, and a production build replaces it anyway.
 */
export function RouteError({ title, what, error, retry }: { title: string; what: string; error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{title}</h1>
      </header>
      <Card>
        <div role="alert" className="space-y-3 text-sm">
          <p className="font-semibold">{what}</p>
          <p className={MUTED}>
            Nothing was changed. Try again in a moment; if it keeps failing, give your administrator
            {digest ? (
              <>
                {" "}
                the reference <span className="font-mono">{digest}</span>
              </>
            ) : (
              " the time it happened"
            )}
            .
          </p>
          <Button type="button" onClick={() => retry()}>
            Try again
          </Button>
        </div>
      </Card>
    </div>
  );
}
