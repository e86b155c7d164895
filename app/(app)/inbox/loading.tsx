import { SURFACE } from "@/components/ui/tone";

/** Shown while the inbox loads: the page's outline, nothing that looks like data. */
export default function InboxLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Inbox</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading what waits for a decision…
        </p>
      </header>
      <div className={`${SURFACE} h-12 animate-pulse motion-reduce:animate-none`} aria-hidden />
      <div className="space-y-3" aria-hidden>
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className={`${SURFACE} h-36 animate-pulse motion-reduce:animate-none`} />
        ))}
      </div>
    </div>
  );
}
