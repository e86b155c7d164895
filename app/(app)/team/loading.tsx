import { SURFACE } from "@/components/ui/tone";

/** Shown while the team loads: the page's outline, nothing that looks like data. */
export default function TeamLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header>
        <h1 className="text-2xl font-bold">Team</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">Reading who can use this workspace…</p>
      </header>
      <div className={`${SURFACE} h-48 animate-pulse motion-reduce:animate-none`} aria-hidden />
      <div className={`${SURFACE} h-40 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
