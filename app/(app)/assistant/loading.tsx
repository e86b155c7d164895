import { SURFACE } from "@/components/ui/tone";

/** Shown while the summaries and documents load: the page's outline, nothing that looks like data. */
export default function AssistantLoading() {
  return (
    <div className="space-y-8" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Assistant</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">Reading the summaries and your documents…</p>
      </header>
      <div className={`${SURFACE} h-32 animate-pulse motion-reduce:animate-none`} aria-hidden />
      <div className={`${SURFACE} h-64 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
