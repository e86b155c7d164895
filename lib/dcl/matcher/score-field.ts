import type { FieldType } from "@/lib/aam/connectors/types";
import type { FieldSemantic, OntologyField, OntologyFieldType } from "@/lib/dcl/ontology/definition";
import { compareNames } from "./name-similarity";
import type { MatchMethod } from "./types";
import type { ValueShape } from "./value-shape";

/** Semantics whose values identify them on their own (an email looks like an email whatever the column is called). */
const DISTINCTIVE = new Set<FieldSemantic>(["email", "phone", "domain", "currency", "country", "region"]);

/** How much a source type can carry a target type, in [0, 1]. */
function typeFit(target: OntologyFieldType, source: FieldType, shape: ValueShape): number {
  if (source === "json") return 0.2;
  switch (target) {
    case "string":
      return source === "string" ? 1 : source === "integer" ? 0.9 : source === "boolean" ? 0.5 : 0.7;
    case "integer":
      return source === "integer" ? 1 : source === "number" ? 0.85 : source === "string" && shape.numeric > 0.8 ? 0.8 : 0.3;
    case "number":
      return source === "number" || source === "integer" ? 1 : source === "string" && shape.numeric > 0.8 ? 0.85 : 0.3;
    case "boolean":
      return source === "boolean" ? 1 : shape.booleanLike > 0.8 || (source === "integer" && (shape.maxNumber ?? 2) <= 1) ? 0.85 : 0.3;
    case "date":
    case "timestamp":
      if (source === "date" || source === "timestamp") return 1;
      if (source === "integer" || source === "number") return shape.epochSeconds + shape.epochMillis > 0.8 ? 0.9 : 0.2;
      return shape.isoDate + shape.isoTimestamp > 0.8 ? 0.9 : 0.4;
  }
}

/** How much the sample values look like the semantic, in [0, 1]; 0.5 when values say nothing either way. */
function valueFit(semantic: FieldSemantic, shape: ValueShape): number {
  if (shape.count === 0) return 0.5;
  switch (semantic) {
    case "email": return shape.email;
    case "phone": return shape.phone;
    case "domain": return shape.url;
    case "country": return shape.country;
    case "region": return shape.region;
    case "currency": return shape.currencyCode;
    case "money":
    case "count":
    case "quantity": return shape.numeric;
    case "ratio": return shape.numeric * (shape.percentRange > 0.99 ? 1 : 0.3);
    case "flag": return Math.max(shape.booleanLike, shape.integer && (shape.maxNumber ?? 2) <= 1 ? 1 : 0);
    case "created":
    case "date": return Math.min(1, shape.isoDate + shape.isoTimestamp + shape.epochSeconds + shape.epochMillis);
    case "identifier": return Math.max(shape.idLike, shape.integer) * (shape.distinct > 0.9 ? 1 : 0.6);
    case "reference":
    case "account_reference":
    case "resource_reference": return Math.max(shape.idLike, shape.integer, 0.5);
    case "person": return Math.max(shape.personName, shape.idLike, shape.email, 0.4);
    case "given_name":
    case "family_name": return shape.email || shape.numeric > 0.5 ? 0.1 : 0.8;
    case "name":
    case "text":
    case "category":
    case "unit":
    case "document_number": return shape.email > 0.5 || shape.isoTimestamp > 0.5 ? 0.2 : 0.6;
  }
}

export type FieldScore = { score: number; method: MatchMethod };

/** Scores one source field against one ontology field, in [0, 1]. */
export function scoreField(source: { name: string; type: FieldType }, shape: ValueShape, target: OntologyField, entityName: string): FieldScore {
  const aliases = target.semantic === "identifier" ? [...target.aliases, `${entityName} ${target.name}`] : target.aliases;
  const name = compareNames(source.name, target.name, aliases);
  const types = typeFit(target.type, source.type, shape);
  const values = valueFit(target.semantic, shape);
  let score = name.score * (0.6 + 0.4 * types) * (0.7 + 0.3 * (values / 0.6 > 1 ? 1 : values / 0.6));
  let method: MatchMethod = name.score === 1 ? name.via : "tokens";
  // Values that contradict a distinctive semantic (an "email" without @) outweigh the name.
  if (DISTINCTIVE.has(target.semantic) && shape.count > 0 && values < 0.3) score *= 0.5;
  if (DISTINCTIVE.has(target.semantic) && values >= 0.8 && name.score < 0.5) {
    const byPattern = 0.45 + 0.25 * values * types + 0.3 * name.score;
    if (byPattern > score) {
      score = byPattern;
      method = "pattern";
    }
  }
  return { score: Math.min(1, score), method };
}
