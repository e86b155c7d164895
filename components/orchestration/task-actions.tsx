"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { cancelTaskAction, retryTaskAction } from "@/app/(app)/orchestration/actions";
import { callAction } from "@/app/(app)/call-action";

/** Cancel (queued or running) or Retry (failed or cancelled, target still there); a refusal shows next to the button. */
export function TaskActions({ id, title, canCancel, canRetry }: { id: string; title: string; canCancel: boolean; canRetry: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [busy, startTransition] = useTransition();
  if (!canCancel && !canRetry) return null;

  function act(action: "cancel" | "retry") {
    setError(undefined);
    startTransition(async () => {
      const result = await callAction(() => (action === "cancel" ? cancelTaskAction : retryTaskAction)({ id }));
      if (result.ok) router.refresh();
      else setError(result.error);
    });
  }

  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      {canCancel && (
        <Button variant="secondary" disabled={busy} onClick={() => act("cancel")} aria-label={`Cancel: ${title}`}>
          Cancel
        </Button>
      )}
      {canRetry && (
        <Button
          variant="secondary"
          disabled={busy}
          onClick={() => act("retry")}
          aria-label={`Retry: ${title}`}
          title="Runs it again now, with a fresh set of attempts"
        >
          Retry
        </Button>
      )}
      {error && (
        <p role="alert" className="max-w-xs break-words text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </div>
  );
}
