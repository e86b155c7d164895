"use client";

import { RouteError } from "@/components/ui/route-error";

/** The page failed on the server: a plain sentence, the log reference and a retry (components/ui/route-error.tsx). */
export default function OrchestrationError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="Orchestration" what="The tasks could not be loaded just now." error={error} retry={retry} />;
}
