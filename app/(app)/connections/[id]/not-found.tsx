import Link from "next/link";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";

/** A connection that does not exist, was deleted, or is another workspace's: one answer for all three. */
export default function ConnectionNotFound() {
  return (
    <div className="space-y-6">
      <Link href="/connections" className="text-sm text-slate-600 hover:underline dark:text-slate-300">
        ← Connections
      </Link>
      <Card>
        <div className="space-y-2 text-sm">
          <h1 className="text-lg font-semibold">Connection not found</h1>
          <p className={MUTED}>It may have been deleted, or the link is wrong. Your connections are listed on the Connections page.</p>
        </div>
      </Card>
    </div>
  );
}
