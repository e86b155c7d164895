"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

/**
 * Reloads the page's data every few seconds while `active` (a run waits or runs), so its result
 * shows without a reload; gives up after `forMs`, so a run stuck in the queue does not poll forever.
 */
export function AutoRefresh({ active, everyMs = 3_000, forMs = 10 * 60_000 }: { active: boolean; everyMs?: number; forMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const until = Date.now() + forMs;
    const timer = setInterval(() => (Date.now() > until ? clearInterval(timer) : router.refresh()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, forMs, router]);
  return null;
}
