import Link from "next/link";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import { DEFAULT_SAMPLE_ROW_LIMIT, MAX_SAMPLE_ROW_LIMIT } from "@/lib/aam/safe-mode";
import { LINK, PRIMARY_LINK } from "./styles";

const rows = (n: number) => n.toLocaleString("en-US");

/**
 * The way in: connect a source on the Connections page, optionally in safe mode (lib/aam/safe-mode.ts).
 * `sourceTypes` are the connector registry's labels; `canWrite` whether the caller may create connections.
 */
export function ConnectSource({ sourceTypes, canWrite }: { sourceTypes: string[]; canWrite: boolean }) {
  return (
    <Card title="Connect a new source">
      <div className="space-y-3 text-sm">
        <p>
          The platform reads {new Intl.ListFormat("en", { type: "conjunction" }).format(sourceTypes)}. A new connection is read on its first
          sync; its streams, fields and proposed entities then appear on this page.
        </p>
        {canWrite ? (
          <Link href="/connections" className={PRIMARY_LINK}>
            Connect a source
          </Link>
        ) : (
          <p className={MUTED}>Your role can look but not connect: a member, admin or owner of this workspace can add a source.</p>
        )}
        <div className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <h3 className="font-semibold">Look before you sync: safe mode</h3>
          <p className={`mt-1 ${MUTED}`}>
            Tick <span className="font-medium text-slate-700 dark:text-slate-200">Safe mode</span> when you create the connection to onboard
            it read-only. Each sync reads a sample ({rows(DEFAULT_SAMPLE_ROW_LIMIT)} rows per stream by default, at most{" "}
            {rows(MAX_SAMPLE_ROW_LIMIT)}), mappings and repairs are only proposed, and no unified view includes it until someone promotes it
            (the Promote button on the connection&apos;s page in{" "}
            <Link href="/connections" className={LINK}>
              Connections
            </Link>
            ).
          </p>
        </div>
      </div>
    </Card>
  );
}
