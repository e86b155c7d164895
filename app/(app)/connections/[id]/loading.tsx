import Link from "next/link";
import { SURFACE } from "@/components/ui/tone";

/** A connection page's outline while its figures, schemas and records load. */
export default function ConnectionLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header className="space-y-1">
        <Link href="/connections" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
          ← Connections
        </Link>
        <h1 className="sr-only">Connection</h1>
        <div className="h-8 w-64 max-w-full rounded bg-slate-200 motion-safe:animate-pulse dark:bg-slate-800" aria-hidden />
        <p role="status" className="text-slate-600 dark:text-slate-300">
          Reading the connection…
        </p>
      </header>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-5" aria-hidden>
        {Array.from({ length: 5 }, (_, i) => (
          <div
            key={i}
            className={`${SURFACE} h-[5.5rem] motion-safe:animate-pulse ${i === 4 ? "col-span-2 sm:col-span-4 lg:col-span-1" : ""}`}
          />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-2" aria-hidden>
        <div className={`${SURFACE} h-56 motion-safe:animate-pulse`} />
        <div className={`${SURFACE} h-56 motion-safe:animate-pulse`} />
      </div>
      <div className={`${SURFACE} h-64 motion-safe:animate-pulse`} aria-hidden />
    </div>
  );
}
