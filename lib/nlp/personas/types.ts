/** The shapes of a persona summary; their schemas are in ./schemas.ts. */
export type { AgentRunFreshness, Figure, Highlight, PersonaSummary } from "./schemas";
