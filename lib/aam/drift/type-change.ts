import type { FieldType } from "@/lib/aam/connectors/types";
import type { Severity } from "./types";

export type TypeChangeDirection = "widening" | "narrowing" | "incompatible";

/** Widening keeps every old value representable (integer -> number, date -> timestamp). */
const WIDER: Partial<Record<FieldType, FieldType[]>> = {
  integer: ["number"],
  date: ["timestamp"],
};

/**
 * Widening is non-breaking; anything becoming text (or JSON) keeps the values but loses their type,
 * and narrowing may not fit old values: both potentially breaking. Unrelated types are breaking.
 */
export function classifyTypeChange(from: FieldType, to: FieldType): { direction: TypeChangeDirection; severity: Severity } {
  if (WIDER[from]?.includes(to)) return { direction: "widening", severity: "non_breaking" };
  if (to === "string" || to === "json") return { direction: "widening", severity: "potentially_breaking" };
  if (WIDER[to]?.includes(from) || from === "string") return { direction: "narrowing", severity: "potentially_breaking" };
  return { direction: "incompatible", severity: "breaking" };
}

/** How well a value of type `from` can be read as `to`, for rename scoring: 1 same, 0.7 related, 0.2 not. */
export function typeAffinity(from: FieldType, to: FieldType): number {
  if (from === to) return 1;
  return classifyTypeChange(from, to).direction === "incompatible" ? 0.2 : 0.7;
}
