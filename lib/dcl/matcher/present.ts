import type { TableMatch } from "./types";

/** The public shape of a suggestion, shared by `aos map` and `POST /dcl/mappings/suggest`. */
export function presentMatch(match: TableMatch) {
  return {
    entity: match.entity,
    confidence: match.confidence,
    mappings: match.mappings.map(({ field, target, confidence, method }) => ({ field, target, confidence, method })),
  };
}
