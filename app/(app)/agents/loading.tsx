import { SURFACE } from "@/components/ui/tone";

/** Shown while the agents and their findings load: the page's outline, nothing that looks like data. */
export default function AgentsLoading() {
  return (
    <div className="space-y-8" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Agents</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading the agents and their findings…
        </p>
      </header>
      <div className="grid gap-4 md:grid-cols-2" aria-hidden>
        {Array.from({ length: 2 }, (_, i) => (
          <div key={i} className={`${SURFACE} h-44 animate-pulse motion-reduce:animate-none`} />
        ))}
      </div>
      <div className={`${SURFACE} h-64 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
