import Link from "next/link";
import { FAQ } from "@/components/faq/faq-content";
import { FaqList } from "@/components/faq/faq-list";

export const metadata = { title: "FAQ" };

export default function FaqPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Frequently asked questions</h1>
        <p className="text-slate-600 dark:text-slate-300">
          What AutonomOS does and how each part works, in plain words. To see what it found in your own sources, open{" "}
          <Link href="/discover" className="font-medium text-brand-700 hover:underline dark:text-blue-300">
            Discover
          </Link>
          .
        </p>
      </header>
      <FaqList sections={FAQ} />
    </div>
  );
}
