"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import type { TenantEventType } from "@/lib/events/types";
import { listenToTenantEvents } from "./tenant-events";

/** Refreshes land together: a burst of events (a sync's streams, a bulk decision) reloads the page once. */
const REFRESH_AFTER_MS = 300;
let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Reloads the page's server data when one of `types` happens in the tenant (or when the live stream
 * says events were lost), so a page shows the result of work done elsewhere without polling.
 */
export function RefreshOnEvents({ types }: { types: readonly TenantEventType[] }) {
  const router = useRouter();
  const key = types.join(",");
  useEffect(() => {
    const wanted = key.split(",") as TenantEventType[];
    return listenToTenantEvents([...wanted, "reset"], () => {
      clearTimeout(pending);
      pending = setTimeout(() => router.refresh(), REFRESH_AFTER_MS);
    });
  }, [key, router]);
  return null;
}
