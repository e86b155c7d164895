import { AskBox } from "@/components/assistant/ask-box";
import { DocumentsPanel } from "@/components/assistant/documents-panel";
import { PersonaSummaryCard } from "@/components/assistant/persona-summary";
import { PersonaTabs } from "@/components/assistant/persona-tabs";
import { PanelBadge } from "@/components/ui/panel-badge";
import { MUTED } from "@/components/ui/tone";
import { roleHasScope } from "@/lib/auth/roles";
import { describePanel } from "@/lib/live-data/panels";
import { getLanguageModel } from "@/lib/llm/model";
import { listDocuments } from "@/lib/nlp/kb/documents";
import { DOCUMENT_FORMATS } from "@/lib/nlp/kb/extract/types";
import { PERSONA_IDS, PERSONAS, PersonaId } from "@/lib/nlp/personas/registry";
import { personaSummary } from "@/lib/nlp/personas/summary";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Assistant" };

const PersonaFilter = PersonaId.catch("cfo");
/** The newest documents the panel lists. */
const DOCUMENTS_SHOWN = 1000;

export default async function AssistantPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const persona = PersonaFilter.parse((await searchParams).persona ?? "cfo");
  const [summary, { documents }] = await Promise.all([
    personaSummary(ctx, persona, { model: getLanguageModel() }),
    listDocuments(ctx, { limit: DOCUMENTS_SHOWN, sort: { field: "createdAt", direction: "desc" } }),
  ]);
  const accept = Object.values(DOCUMENT_FORMATS)
    .flatMap((f) => f.extensions)
    .join(",");
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">Assistant</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Summaries for each executive, computed from your unified views and the agents&apos; findings, and answers to questions from your
          documents and data, with their sources.
        </p>
      </header>
      <section aria-labelledby="ask-heading" className="space-y-3">
        <h2 id="ask-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
          Ask
        </h2>
        <AskBox personas={PERSONA_IDS.map((id) => ({ id, title: PERSONAS[id].title }))} />
      </section>
      <section aria-labelledby="summary-heading" className="space-y-3">
        <h2 id="summary-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
          Summaries
        </h2>
        <PersonaTabs current={persona} personas={PERSONA_IDS.map((id) => ({ id, title: PERSONAS[id].title }))} />
        <PersonaSummaryCard summary={summary} />
      </section>
      <section aria-labelledby="documents-heading" className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="documents-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
            Knowledge base
          </h2>
          <PanelBadge panel={describePanel("knowledgeBase")} />
        </div>
        <DocumentsPanel
          documents={documents.map((d) => ({
            ...d,
            createdAt: d.createdAt.toISOString(),
            ingestedAt: d.ingestedAt?.toISOString() ?? null,
          }))}
          canWrite={roleHasScope(ctx.actor.role, "kb:write")}
          canSeeOriginals={roleHasScope(ctx.actor.role, "pii:read")}
          accept={accept}
        />
      </section>
    </div>
  );
}
