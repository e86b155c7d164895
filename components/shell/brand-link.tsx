import Link from "next/link";

/** The logo mark (app/icon.svg, also the favicon) and the product's name, linking home. */
export function BrandLink({ className = "" }: { className?: string }) {
  return (
    <Link
      href="/control-center"
      className={`inline-flex items-center gap-2 text-lg font-bold tracking-tight text-brand-700 dark:text-blue-300 ${className}`}
    >
      {/* eslint-disable-next-line @next/next/no-img-element -- a 24 px SVG needs no optimising */}
      <img src="/icon.svg" alt="" width={24} height={24} className="size-6" />
      AutonomOS
    </Link>
  );
}
