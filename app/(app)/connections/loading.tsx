import { SURFACE } from "@/components/ui/tone";

/** The connections list's outline while it loads: nothing that looks like data. */
export default function ConnectionsLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header>
        <h1 className="text-2xl font-bold">Connections</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading your connections…
        </p>
      </header>
      <div className={`${SURFACE} space-y-3 p-5 motion-safe:animate-pulse`} aria-hidden>
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="h-6 rounded bg-slate-100 dark:bg-slate-800" />
        ))}
      </div>
    </div>
  );
}
