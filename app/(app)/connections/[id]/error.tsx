"use client";

import { RouteError } from "@/components/ui/route-error";

/** The page failed on the server: a plain sentence, the log reference and a retry (components/ui/route-error.tsx). */
export default function ConnectionError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="Connection" what="This connection could not be shown just now." error={error} retry={retry} />;
}
