"use client";

import { CopyButton } from "@/components/agents/copy-button";
import { Button } from "@/components/ui/button";

/** The key just created, shown this once: copy it now, it cannot be shown again. */
export function NewApiKeyNotice({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  return (
    <div
      role="status"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="new-api-key"
    >
      <p className="font-semibold">Copy the key “{name}” now: it is shown only this once.</p>
      <p>
        AutonomOS keeps only a hash of it, so nobody can show it again. Store it in your secret manager; if it is lost, revoke it and create
        another.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-900 dark:bg-slate-900 dark:text-slate-100"
          data-testid="new-api-key-value"
        >
          {apiKey}
        </code>
        <CopyButton text={apiKey} label={`the key ${name}`} />
      </div>
      <p>
        Send it as <code className="font-mono text-xs">Authorization: Bearer {"<key>"}</code> to any route of the REST API its scopes allow.
      </p>
      <Button variant="secondary" onClick={onDone}>
        I have copied it
      </Button>
    </div>
  );
}
