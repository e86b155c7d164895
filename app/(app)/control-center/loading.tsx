import { SURFACE } from "@/components/ui/tone";

/** The Control Center's shape while its figures load. */
export default function ControlCenterLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold">Control center</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading your workspace&apos;s figures…
        </p>
      </header>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-hidden>
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className={`${SURFACE} h-56 animate-pulse p-5 motion-reduce:animate-none`}>
            <div className="h-3 w-1/3 rounded bg-slate-200 dark:bg-slate-700" />
            <div className="mt-4 h-8 w-1/2 rounded bg-slate-200 dark:bg-slate-700" />
            <div className="mt-4 h-16 rounded bg-slate-100 dark:bg-slate-800" />
          </div>
        ))}
      </div>
    </div>
  );
}
