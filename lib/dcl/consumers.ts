/**
 * Which unified views each agent reads: the contract the agents are built against, and the last
 * layer of the lineage graph.
 */
export const AGENT_CONSUMERS = [
  { id: "finops", name: "FinOps agent", description: "Cloud spend, idle resources and unpaid invoices.", entities: ["cost", "resource", "invoice"] },
  { id: "revops", name: "RevOps agent", description: "Pipeline health, accounts and billing.", entities: ["account", "contact", "opportunity", "invoice"] },
] as const;
