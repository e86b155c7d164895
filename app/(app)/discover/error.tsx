"use client";

import { RouteError } from "@/components/ui/route-error";

/** The page failed on the server: a plain sentence, the log reference and a retry (components/ui/route-error.tsx). */
export default function DiscoverError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="Discover" what="What your sources hold could not be read just now." error={error} retry={retry} />;
}
