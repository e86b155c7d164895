import type { MappingDto } from "./dto";

/** Member names by user id, for "approved by Jane"; someone who left the tenant is "a former member". */
export type People = Record<string, string>;

/** How the matcher found a target (lib/dcl/matcher/types.ts MatchMethod), in words. */
const MATCHED: Record<string, string> = {
  prior: "matched by an earlier decision",
  exact: "matched by name",
  alias: "matched by a known alias",
  tokens: "matched by words in the name",
  pattern: "matched by the values' shape",
  llm: "AI suggestion",
  none: "no match found",
};

type Described = Pick<MappingDto, "status" | "createdById" | "decidedById"> & { method: string };

/**
 * How a mapping version came to be, in words: the matcher's method, the repair agent, a person's
 * correction or rollback, and who approved it (or that it was approved automatically).
 */
export function describeMethod(m: Described, people: People): string {
  const who = (id: string | null) => (id ? (people[id] ?? "a former member") : "a person");
  if (m.method === "manual") return `set by ${who(m.createdById ?? m.decidedById)}`;
  if (m.method === "rollback") return `rolled back by ${who(m.createdById ?? m.decidedById)}`;
  const how = m.method === "repair" ? "repair" : (MATCHED[m.method] ?? m.method);
  if (m.status === "approved")
    return m.decidedById
      ? `${how}, approved by ${who(m.decidedById)}`
      : `${how}, ${m.method === "repair" ? "applied" : "approved"} automatically`;
  if (m.status === "rejected") return m.decidedById ? `${how}, rejected by ${who(m.decidedById)}` : `${how}, rejected`;
  return how;
}
