"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorText } from "@/components/ui/card";
import { api, unwrap } from "@/lib/api/client";

/** Revoke, then a confirmation in place: programs using the key are refused from the next request. */
export function RevokeApiKeyButton({ id, name }: { id: string; name: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function revoke() {
    setBusy(true);
    setError(undefined);
    try {
      await unwrap(api.DELETE("/api/v1/tenant/api-keys/{id}", { params: { path: { id } } }));
      setConfirming(false);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <div>
        <Button variant="danger" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </Button>
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-label={`Revoke ${name}?`}
      className="space-y-2 rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p>Revoke “{name}”? Every program using it is refused from its next request. This cannot be undone.</p>
      <ErrorText>{error}</ErrorText>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={revoke} disabled={busy}>
          {busy ? "Revoking…" : "Revoke key"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
