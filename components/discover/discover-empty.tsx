import Link from "next/link";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import { PRIMARY_LINK } from "./styles";

/** A workspace with no connection: nothing has been found, and the one thing to do is connect a source. */
export function DiscoverEmpty({ sourceTypes, canWrite }: { sourceTypes: string[]; canWrite: boolean }) {
  return (
    <Card>
      <div className="space-y-3 py-4 text-center" data-testid="discover-empty">
        <h2 className="text-lg font-semibold">Nothing discovered yet</h2>
        <p className={`mx-auto max-w-prose text-sm ${MUTED}`}>
          This workspace has no sources yet. Connect one and its first sync shows here what it holds: its tables and fields, the canonical
          entities they map to and what is left unmapped. It can read{" "}
          {new Intl.ListFormat("en", { type: "disjunction" }).format(sourceTypes)}.
        </p>
        {canWrite ? (
          <Link href="/connections" className={PRIMARY_LINK}>
            Connect your first source
          </Link>
        ) : (
          <p className={`text-sm ${MUTED}`}>Ask a member, admin or owner of this workspace to connect your first source.</p>
        )}
      </div>
    </Card>
  );
}
