import { SURFACE } from "@/components/ui/tone";

/** Shown while the keys load: the page's outline, nothing that looks like data. */
export default function ApiKeysLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header>
        <h1 className="text-2xl font-bold">API keys</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">Reading this workspace&apos;s API keys…</p>
      </header>
      <div className={`${SURFACE} h-64 animate-pulse motion-reduce:animate-none`} aria-hidden />
      <div className={`${SURFACE} h-40 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
