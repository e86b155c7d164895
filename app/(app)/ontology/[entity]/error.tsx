"use client";

import { useParams } from "next/navigation";
import { RouteError } from "@/components/ui/route-error";

/** The view failed on the server: a plain sentence, the log reference and a retry (components/ui/route-error.tsx). */
export default function UnifiedViewError({ error, retry }: { error: unknown; retry: () => void }) {
  const { entity } = useParams<{ entity: string }>();
  return <RouteError title={entity ?? "Unified view"} what="This view could not be read just now." error={error} retry={retry} />;
}
