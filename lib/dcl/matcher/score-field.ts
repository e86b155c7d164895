import type { FieldType } from "@/lib/aam/connectors/types";
import { readVendorType, type TypeHint, type VendorType } from "@/lib/aam/schema/vendor-types";
import type { FieldSemantic, OntologyField, OntologyFieldType } from "@/lib/dcl/ontology/definition";
import { compareNames, nameCandidates, readSourceName, type NameCandidates, type SourceName } from "./name-similarity";
import { tokenize } from "./tokens";
import type { MatchMethod } from "./types";
import type { ValueShape } from "./value-shape";
import { aliasesOf } from "./vocabulary";

/** Semantics whose values identify them on their own (an email looks like an email whatever the column is called). */
const DISTINCTIVE = new Set<FieldSemantic>(["email", "phone", "domain", "currency", "country", "region"]);
/** Semantics whose values can contradict the name: an email without @, a reference or a person holding company names. */
const CONTRADICTABLE = new Set<FieldSemantic>([
  ...DISTINCTIVE,
  "reference",
  "account_reference",
  "person",
  "given_name",
  "family_name",
  "document_number",
]);

/** Words of a record's change history. */
const AUDIT = new Set(["modified", "updated", "update", "changed", "deleted", "synced", "sync"]);

/** Words that name a kind or a manner of something rather than the thing. */
const KIND = new Set(["method", "mode", "term", "terms", "condition", "type", "kind"]);

/** Words of a count: a name with one holds no ratio. */
const COUNTED = new Set(["core", "count", "number", "thread", "socket"]);

/** Semantics whose values are dates. */
const DATED = new Set<FieldSemantic>(["created", "date"]);

/** A source field as scoring reads it: its name's words and what its type name tells. */
export type ScoredSource = { name: SourceName; type: VendorType };
/** An ontology field with every name it goes by, read once per match. */
export type ScoredTarget = { field: OntologyField; entity: string; names: NameCandidates };

export function readSource(field: { name: string; type: string }): ScoredSource {
  const vendor = readVendorType(field.type);
  return { name: readSourceName(field.name), type: vendor.type === null ? readLocalTypeName(field.type) : vendor };
}

/** Type words, once read in English, and the type they name: `Datum`, `Betrag`, `Fecha`, `xsd:dateTime`, `Currency Amount`. */
const TYPE_WORDS: [string[], VendorType][] = [
  [["date", "time"], { type: "timestamp", hint: null }],
  [["timestamp"], { type: "timestamp", hint: null }],
  [["date"], { type: "date", hint: null }],
  [["amount"], { type: "number", hint: "money" }],
  [["money"], { type: "number", hint: "money" }],
  [["decimal"], { type: "number", hint: null }],
  [["integer"], { type: "integer", hint: null }],
  [["boolean"], { type: "boolean", hint: null }],
  [["text"], { type: "string", hint: null }],
  [["string"], { type: "string", hint: null }],
];

/**
 * A type name no vendor family knows, read like a field name (DATEV's `Datum` and `Betrag`, a
 * localized export's `Fecha`, `xsd:dateTime`): the type its words name, or no evidence.
 */
function readLocalTypeName(name: string): VendorType {
  const words = tokenize(name);
  const found = TYPE_WORDS.find(([needed]) => needed.every((w) => words.includes(w)));
  return found && words.length <= 3 ? found[1] : { type: null, hint: null };
}

/**
 * An ontology field as one source table's fields are scored against it. `learned`: names the
 * tenant's people mapped to this field. A key also goes by the entity's name in front (`opportunity_id`).
 */
export function readTarget(
  field: OntologyField,
  entityName: string,
  table: { source: string; table: string },
  learned: string[] = [],
): ScoredTarget {
  const keyNames = field.semantic === "identifier" ? [`${entityName} ${field.name}`] : [];
  return { field, entity: entityName, names: nameCandidates(field.name, [...aliasesOf(field, table), ...keyNames, ...learned]) };
}

/** The type sample values suggest, when the type name gave none; null without samples. */
function inferType(shape: ValueShape): FieldType | null {
  if (shape.count === 0) return null;
  if (shape.isoTimestamp >= 0.8) return "timestamp";
  if (shape.dateLike >= 0.8) return "date";
  if (shape.booleanLike >= 0.8) return "boolean";
  if (shape.integer >= 0.8 && shape.zeroPadded < 0.5) return "integer";
  if (shape.numeric >= 0.8) return "number";
  return "string";
}

/** What an unknown type name with no samples is worth against any target: the same for all, so it favours none. */
const NO_TYPE_EVIDENCE = 0.85;

/** How much a source type can carry a target type, in [0, 1]. */
function typeFit(target: OntologyFieldType, declared: FieldType | null, shape: ValueShape): number {
  const source = declared ?? inferType(shape);
  if (source === null) return NO_TYPE_EVIDENCE;
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
      if (source === "integer" || source === "number") return shape.epochSeconds + shape.epochMillis + shape.compactDate > 0.8 ? 0.9 : 0.2;
      return shape.dateLike > 0.8 ? 0.9 : 0.4;
  }
}

/** Numbers that are not dates written as numbers (`20240131`, epoch seconds). */
const plainNumbers = (shape: ValueShape) => Math.max(0, shape.numeric - shape.compactDate - shape.epochSeconds - shape.epochMillis);

/** How much the sample values look like the semantic, in [0, 1]; 0.5 when values say nothing either way. */
function valueFit(semantic: FieldSemantic, shape: ValueShape): number {
  if (shape.count === 0) return 0.5;
  switch (semantic) {
    case "email":
      return shape.email;
    case "phone":
      return shape.phone;
    case "domain":
      return shape.url;
    case "country":
      return shape.country;
    case "region":
      return shape.region;
    case "currency":
      return shape.currencyCode;
    case "money":
    case "count":
    case "quantity":
      return plainNumbers(shape);
    case "ratio":
      return plainNumbers(shape) * (shape.percentRange > 0.99 ? 1 : 0.3);
    case "flag":
      return Math.max(shape.booleanLike, shape.integer && (shape.maxNumber ?? 2) <= 1 ? 1 : 0);
    case "created":
    case "date":
      return shape.dateLike;
    case "identifier":
      return Math.max(shape.idLike, shape.integer) * (shape.distinct > 0.9 ? 1 : 0.6);
    case "reference":
    case "account_reference":
    case "resource_reference":
      return shape.multiWord >= 0.8 ? 0 : Math.max(shape.idLike, shape.integer, 0.5);
    case "person":
      return shape.companyName >= 0.5 ? 0.1 : Math.max(shape.personName, shape.idLike, shape.email, 0.4);
    case "given_name":
    case "family_name":
      return shape.email || shape.numeric > 0.5 || shape.companyName >= 0.5 ? 0.1 : 0.8;
    case "document_number":
      // A document number has digits: words alone (`Rhein Pharma AG`) are a name.
      return shape.companyName >= 0.5 || shape.multiWord >= 0.8 ? 0.1 : shape.email > 0.5 || shape.isoTimestamp > 0.5 ? 0.2 : 0.6;
    case "name":
    case "text":
    case "category":
    case "unit":
      return shape.email > 0.5 || shape.isoTimestamp > 0.5 ? 0.2 : 0.6;
  }
}

/** The semantics a type hint allows; the first is the one it names outright (a `CUKY` field holds currency codes). */
const HINTED: Record<TypeHint, FieldSemantic[]> = {
  identifier: ["identifier", "reference", "account_reference", "resource_reference", "person"],
  reference: ["reference", "account_reference", "resource_reference", "person", "category", "currency", "country", "region", "unit"],
  person: ["person"],
  money: ["money"],
  currency: ["currency"],
  percent: ["ratio"],
  quantity: ["quantity", "count"],
  unit: ["unit"],
  email: ["email"],
  phone: ["phone"],
  url: ["domain"],
  country: ["country"],
  category: ["category", "flag", "country", "region", "currency", "unit", "text"],
  text: ["text", "name"],
  time: [],
  binary: [],
  language: [],
  client: [],
  period: [],
};
/** Hints no ontology field can hold, or that name one semantic outright: contradicting them counts more. */
const STRONG = new Set<TypeHint>(["time", "binary", "language", "client", "period", "email", "phone", "url", "currency", "percent"]);

/** How a type hint bears on a semantic: agrees (and, when it names it, vouches for the values like samples would), or contradicts. */
function hintFit(hint: TypeHint | null, semantic: FieldSemantic): { factor: number; vouches: boolean } {
  if (hint === null) return { factor: 1, vouches: false };
  const allowed = HINTED[hint];
  if (allowed.includes(semantic)) return { factor: 1, vouches: allowed[0] === semantic && allowed.length <= 2 };
  return { factor: STRONG.has(hint) ? 0.35 : 0.6, vouches: false };
}

export type FieldScore = { score: number; method: MatchMethod };

/** Scores one source field against one ontology field, in [0, 1]. */
export function scoreField(source: ScoredSource, shape: ValueShape, target: ScoredTarget): FieldScore {
  const { semantic, type } = target.field;
  const name = compareNames(source.name, target.names, target.entity);
  const types = typeFit(type, source.type.type, shape);
  const hint = hintFit(source.type.hint, semantic);
  // A declared date type vouches for dates written in a shape the profile does not know (DATEV's `3101`).
  const datedType = DATED.has(semantic) && (source.type.type === "date" || source.type.type === "timestamp");
  const values = hint.vouches ? Math.max(0.9, valueFit(semantic, shape)) : Math.max(datedType ? 0.6 : 0, valueFit(semantic, shape));
  let score = name.score * (0.6 + 0.4 * types) * (0.7 + 0.3 * (values / 0.6 > 1 ? 1 : values / 0.6)) * hint.factor;
  let method: MatchMethod = name.via;
  // Values that contradict the semantic (an "email" without @, a customer "id" holding company names) outweigh the name.
  if (CONTRADICTABLE.has(semantic) && shape.count > 0 && values < 0.3) score *= 0.5;
  // Nor is a column of text that holds no date a date (Italian `Pagamento` holds payment terms, not when it was paid).
  if (DATED.has(semantic) && !datedType && shape.count > 0 && shape.dateLike < 0.3 && shape.numeric < 0.5) score *= 0.5;
  // A count of things (`cpuCores`, `cpu_count`) is no ratio of them.
  if (semantic === "ratio" && source.name.whole.tokens.some((w) => COUNTED.has(w))) score *= 0.5;
  // When the name says little, values (or a type that names the semantic) that are unmistakable decide.
  if (DISTINCTIVE.has(semantic) && values >= 0.8 && name.score < 0.5) {
    const byPattern = (0.45 + 0.25 * values * types + 0.3 * name.score) * hint.factor;
    if (byPattern > score) {
      score = byPattern;
      method = "pattern";
    }
  }
  // A kind of thing (`Mode de règlement`, `payment_method`, `customer type`) is not the thing: no status, date or key of it.
  if (source.name.whole.tokens.some((w) => KIND.has(w)) && !target.names.some((c) => c.tokens.some((w) => KIND.has(w)))) score *= 0.6;
  // When a record was last changed is bookkeeping, never a business date (`lastModifiedDateTime` is not when it was paid).
  if (source.name.whole.tokens.some((w) => AUDIT.has(w)) && !target.names.some((c) => c.tokens.some((w) => AUDIT.has(w)))) score *= 0.4;
  return { score: Math.min(1, score), method };
}
