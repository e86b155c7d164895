/** One step of the first-run guide: where to do it, whether it is done, and its state in words. */
export type GuideStep = { id: "connect" | "review" | "agent" | "ask"; title: string; href: string; done: boolean; state: string };

/** The guide, its current step (the first not done; null once all are), and whether to show it. */
export type FirstRunGuide = { steps: GuideStep[]; current: GuideStep["id"] | null; show: boolean };

type Progress = { connections: number; mappingsInForce: number; mappingsWaiting: number; agentRuns: number; questions: number };

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/**
 * Connect a source → Review the mappings → Run an agent → Ask the assistant, each done when the
 * workspace shows it happened. Shown until the first three are done (a question is only recorded
 * when a language model answered it, so the last step never holds the guide open).
 */
export function firstRunGuide(p: Progress): FirstRunGuide {
  const steps: GuideStep[] = [
    {
      id: "connect",
      title: "Connect a source",
      href: "/connections",
      done: p.connections > 0,
      state: p.connections > 0 ? `${count(p.connections, "source")} connected` : "No source connected yet",
    },
    {
      id: "review",
      title: "Review the mappings",
      href: "/ontology",
      done: p.mappingsInForce > 0,
      state:
        p.mappingsWaiting > 0
          ? `${count(p.mappingsWaiting, "proposal")} waiting for review`
          : p.mappingsInForce > 0
            ? `${count(p.mappingsInForce, "field")} mapped`
            : p.connections > 0
              ? "Proposed after the first sync"
              : "Waiting for a source",
    },
    {
      id: "agent",
      title: "Run an agent",
      href: "/agents",
      done: p.agentRuns > 0,
      state:
        p.agentRuns > 0
          ? `${count(p.agentRuns, "successful run")}`
          : p.mappingsInForce > 0
            ? "Ready to run on your views"
            : "Needs mapped data first",
    },
    {
      id: "ask",
      title: "Ask the assistant",
      href: "/assistant",
      done: p.questions > 0,
      state: p.questions > 0 ? `${count(p.questions, "question")} answered` : "Ask about your data in plain words",
    },
  ];
  return { steps, current: steps.find((s) => !s.done)?.id ?? null, show: !steps.slice(0, 3).every((s) => s.done) };
}
