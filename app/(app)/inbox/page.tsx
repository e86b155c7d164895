import Link from "next/link";
import { z } from "zod";
import { DecisionHistory } from "@/components/inbox/decision-history";
import { InboxFilters } from "@/components/inbox/inbox-filters";
import { inboxHref } from "@/components/inbox/inbox-href";
import { InboxList } from "@/components/inbox/inbox-list";
import { ItemEvidence } from "@/components/inbox/item-evidence";
import { RefreshOnEvents } from "@/components/live/refresh-on-events";
import { PageHeading } from "@/components/ui/page-heading";
import { MUTED, SURFACE } from "@/components/ui/tone";
import { listConnectionNames } from "@/lib/aam/connections";
import { roleHasScope } from "@/lib/auth/roles";
import { targetOf } from "@/lib/dcl/ontology/definition";
import { getTenantOntology } from "@/lib/dcl/ontology/tenant-ontology";
import { listDecisions } from "@/lib/inbox/history";
import { listInbox } from "@/lib/inbox/list";
import { InboxKind } from "@/lib/inbox/schemas";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Inbox" };

/** An unknown or repeated filter value is no filter. */
const Filter = z.object({ connection: z.uuid().optional().catch(undefined), kind: InboxKind.optional().catch(undefined) });

const LIMIT = 200;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const { connection: connectionId, kind } = Filter.parse(await searchParams);
  const [inbox, history, ontology, connections] = await Promise.all([
    listInbox(ctx, { connectionId, kind, limit: LIMIT }),
    listDecisions({ ctx, query: { connectionId, kind, limit: 50 } }),
    getTenantOntology(ctx),
    listConnectionNames({ ctx }),
  ]);
  const canWrite = roleHasScope(ctx.actor.role, "dcl:write");
  const targets = ontology.entities.map((e) => ({ entity: e.name, fields: e.fields.map((f) => targetOf(e.name, f.name)) }));
  const waiting = inbox.counts[kind ?? "total"];
  const filtered = connectionId !== undefined || kind !== undefined;
  return (
    <div className="space-y-6">
      <RefreshOnEvents types={["inbox.changed", "aam.drift.detected", "dcl.views.rebuilt"]} />
      <header className="space-y-1">
        <PageHeading title="Inbox" panel="inbox" />
        <p className="text-slate-600 dark:text-slate-300">
          Everything waiting for a person: repairs the drift agent was not sure of, mapping proposals below the auto-approve threshold, and
          schema changes a connection&apos;s policy holds.
        </p>
      </header>
      <InboxFilters
        filter={{ connectionId, kind }}
        counts={inbox.counts}
        connections={connections.map((c) => ({ id: c.id, name: c.name }))}
      />
      {inbox.items.length === 0 ? (
        <p className={`p-5 text-sm ${SURFACE} ${MUTED}`} data-testid="inbox-empty">
          {filtered ? (
            <>
              Nothing waits here.{" "}
              <Link href={inboxHref({})} className="font-medium text-brand-700 hover:underline dark:text-blue-300">
                Show every kind and connection
              </Link>
              .
            </>
          ) : (
            "Nothing waits for a person. Repairs, mapping proposals and schema changes that need a decision appear here."
          )}
        </p>
      ) : (
        <>
          {waiting > inbox.items.length && (
            <p className={`text-sm ${MUTED}`}>
              Showing the newest {inbox.items.length} of {waiting}.
            </p>
          )}
          <InboxList
            items={inbox.items.map((item) => ({ ...item, evidence: <ItemEvidence item={item} /> }))}
            targets={targets}
            canWrite={canWrite}
          />
        </>
      )}
      <DecisionHistory
        entries={history.decisions}
        connectionNames={Object.fromEntries(connections.map((c) => [c.id, c.name]))}
        canWrite={canWrite}
      />
    </div>
  );
}
