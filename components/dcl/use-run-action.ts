"use client";

import { useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/app/(app)/action-client";
import { callAction } from "@/app/(app)/call-action";

/**
 * Runs one server action at a time for a table of items: `busy` is the key of the item being
 * worked on; on success `done` says what to show and the page reloads its data.
 */
export function useRunAction() {
  const router = useRouter();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<ReactNode>();

  async function run<T>(key: string, action: () => Promise<ActionResult<T>>, done: (data: T) => ReactNode): Promise<boolean> {
    setBusy(key);
    setError(undefined);
    setNotice(undefined);
    const result = await callAction(action);
    setBusy(undefined);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    setNotice(done(result.data));
    router.refresh();
    return true;
  }

  return { busy, error, notice, run };
}
