import { SURFACE } from "@/components/ui/tone";

/** Shown while the discover read model loads: the page's outline, nothing that looks like data. */
export default function DiscoverLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Discover</h1>
        <p className="text-slate-600 dark:text-slate-300" role="status">
          Reading what your sources hold…
        </p>
      </header>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`${SURFACE} h-[4.5rem] animate-pulse`} />
        ))}
      </div>
      <div className="grid gap-6 xl:grid-cols-3" aria-hidden>
        <div className={`${SURFACE} h-72 animate-pulse xl:col-span-2`} />
        <div className={`${SURFACE} h-72 animate-pulse`} />
      </div>
    </div>
  );
}
