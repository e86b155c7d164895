import { SURFACE } from "@/components/ui/tone";

/** Shown while the ontology page loads: its outline, nothing that looks like data. */
export default function OntologyLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Ontology</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">Reading the views and their mappings…</p>
      </header>
      <div className={`${SURFACE} h-80 animate-pulse motion-reduce:animate-none`} aria-hidden />
      <div className={`${SURFACE} h-56 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
