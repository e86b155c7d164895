/**
 * Every panel of the app that shows data, and where that data comes from: the one place the Live
 * and Demo badges (components/ui/panel-badge.tsx) take their words from. A panel is `live` when it is computed from the tenant's own
 * stored records; `demo` when it shows fixed demo content (DEMO_MODE) or figures computed from the
 * sample files the demo workspace ships with. Which one is decided from the data, per request.
 */
export type PanelId =
  | "firstRun"
  | "connections"
  | "ingest"
  | "drift"
  | "mappings"
  | "tasks"
  | "llm"
  | "finops"
  | "revops"
  | "activity"
  | "health"
  | "workspace"
  | "discover"
  | "connectionList"
  | "ontology"
  | "inbox"
  | "orchestration"
  | "agents"
  | "personaSummary"
  | "knowledgeBase";

export type DataMode = "live" | "demo";

type PanelEntry = { title: string; source: string; demoSource?: string };

const PANELS: Record<PanelId, PanelEntry> = {
  firstRun: { title: "Getting started", source: "your connections, mappings, agent runs and assistant questions in the database" },
  connections: { title: "Connections", source: "connections and their last sync in the database" },
  ingest: { title: "Records ingested", source: "the record segments syncs stored" },
  drift: { title: "Schema drift and repairs", source: "drift events and review decisions in the database" },
  mappings: { title: "Mappings", source: "the mapping registry" },
  tasks: { title: "Tasks", source: "task history in the database" },
  llm: { title: "Language model", source: "the log of language-model calls" },
  finops: {
    title: "FinOps agent",
    source: "the FinOps agent's latest run over your unified views",
    demoSource: "demo figures, not your data",
  },
  revops: {
    title: "RevOps agent",
    source: "the RevOps agent's latest run over your unified views",
    demoSource: "demo figures, not your data",
  },
  activity: { title: "Recent activity", source: "syncs, schema changes, decisions, agent runs and tasks in the database" },
  health: { title: "Platform health", source: "checked when this page loaded" },
  workspace: { title: "Workspace", source: "your workspace's members in the database" },
  discover: { title: "Discover", source: "the schemas your connections reported and the mapping registry" },
  connectionList: { title: "Connections", source: "your connections, their streams and drift events in the database" },
  ontology: { title: "Ontology", source: "the unified views' latest build and the mapping registry" },
  inbox: { title: "Inbox", source: "proposals, repairs and held schema changes in the database" },
  orchestration: { title: "Orchestration", source: "task history in the database, updated live" },
  agents: { title: "Agents", source: "agent runs and findings in the database" },
  personaSummary: {
    title: "Persona summary",
    source: "your unified views, queried when the page loaded",
    demoSource: "fixed demo figures (DEMO_MODE), not your data",
  },
  knowledgeBase: { title: "Knowledge base", source: "the documents you uploaded" },
};

/** What a panel shows its reader about its data: its title, Live or Demo, and the source in words. */
export type PanelSource = { id: PanelId; title: string; mode: DataMode; source: string };

/**
 * The panel's badge: `demo` with the reason when given (e.g. the sample files), else the
 * registry's demo wording. A panel without demo wording is never demo.
 */
export function describePanel(id: PanelId, mode: DataMode = "live", demoReason?: string): PanelSource {
  const entry = PANELS[id];
  if (mode === "demo" && entry.demoSource) return { id, title: entry.title, mode, source: demoReason ?? entry.demoSource };
  return { id, title: entry.title, mode: "live", source: entry.source };
}
