import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { readBuild } from "@/lib/dcl/views/builds";
import type { LlmModel } from "@/lib/llm/model";
import { demoModeOn, demoSummary } from "./demo";
import { latestHighlights, latestRuns } from "./highlights";
import { readLiveViews } from "./live-views";
import { narrate } from "./narrative";
import { connectionFigures, operationsFigures } from "./operations-figures";
import { PERSONAS, type PersonaId } from "./registry";
import type { Figure, PersonaSummary } from "./schemas";
import { cloudFigures, financeFigures, fromViews, idleSavingFigures, salesFigures, spendFigures } from "./view-figures";

type SummaryOptions = { asOf?: Date; model?: LlmModel | null; demo?: boolean };

/** Which views each persona's figures read: revenue (account, opportunity, invoice), cloud (cost, resource). */
const READS: Record<PersonaId, { revenue: boolean; cloud: boolean }> = {
  cfo: { revenue: true, cloud: true },
  cro: { revenue: true, cloud: false },
  coo: { revenue: false, cloud: false },
  cto: { revenue: false, cloud: true },
};

/**
 * A persona's summary from the tenant's current views (the agents' analyses run on them now), the
 * agents' latest stored findings, and the operational records; with a model, a narrative over the
 * figures only. In demo mode (`DEMO_MODE=true`, or `demo`), fixed demo content labelled demo.
 */
export async function personaSummary(
  scope: TenantScope,
  persona: PersonaId,
  { asOf = new Date(), model = null, demo = demoModeOn() }: SummaryOptions = {},
): Promise<PersonaSummary> {
  if (demo) return demoSummary(persona);
  const [build, runs] = await Promise.all([readBuild(scope), latestRuns(scope)]);
  const viewsBuiltAt = build.builtAt || null;
  const live = await readLiveViews(scope, READS[persona], asOf);
  const make = fromViews(viewsBuiltAt);
  const figures: Figure[] = [];
  if (persona === "cfo")
    figures.push(...financeFigures(make, live.revenue!), ...spendFigures(make, live.cloud!), ...idleSavingFigures(make, live.cloud!));
  if (persona === "cro") figures.push(...salesFigures(make, live.revenue!));
  if (persona === "coo") figures.push(...(await connectionFigures(scope, asOf)), ...(await operationsFigures(scope, asOf)));
  if (persona === "cto")
    figures.push(
      ...cloudFigures(make, live.cloud!),
      ...(await connectionFigures(scope, asOf)).filter(
        (f) => (f.key === "connections_by_status" && f.dimension?.status === "error") || f.key === "sync_failures",
      ),
    );
  const liveFindings = [
    ...(live.revenue ? [{ agent: "revops", findings: live.revenue.result.findings }] : []),
    ...(live.cloud ? [{ agent: "finops", findings: live.cloud.result.findings }] : []),
  ];
  const highlights = await latestHighlights(scope, PERSONAS[persona].findingKinds, runs, liveFindings);
  return {
    persona,
    title: PERSONAS[persona].title,
    demo: false,
    generatedAt: new Date().toISOString(),
    asOf: asOf.toISOString().slice(0, 10),
    freshness: { viewsBuiltAt, latestAgentRuns: runs },
    figures,
    highlights,
    narrative: await narrate(scope, persona, figures, highlights, model),
  };
}
