import { SURFACE } from "./tone";

/**
 * What a page's `loading.tsx` shows while the server reads: the page's title, one sentence saying
 * what is being read, and grey blocks of the page's outline (`blocks`: their Tailwind heights),
 * nothing that looks like data.
 */
export function RouteLoading({ title, what, blocks }: { title: string; what: string; blocks: readonly string[] }) {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{title}</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">
          {what}
        </p>
      </header>
      {blocks.map((height, i) => (
        <div key={i} className={`${SURFACE} ${height} animate-pulse motion-reduce:animate-none`} aria-hidden />
      ))}
    </div>
  );
}
