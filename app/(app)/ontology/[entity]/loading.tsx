"use client";

import { useParams } from "next/navigation";
import { SURFACE } from "@/components/ui/tone";

/** Shown while a unified view's rows load: the page's outline, nothing that looks like data. */
export default function UnifiedViewLoading() {
  const { entity } = useParams<{ entity: string }>();
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-300">← Ontology</p>
        <h1 className="font-mono text-2xl font-bold">{entity}</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading the view…
        </p>
      </header>
      <div className={`${SURFACE} h-96 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
