import type { FieldSemantic, OntologyDefinition, OntologyEntity } from "@/lib/dcl/ontology/definition";
import { compareNames, nameCandidates, readSourceName } from "./name-similarity";
import { readMemory, type Memory } from "./priors";
import { readSource, readTarget, scoreField, type FieldScore, type ScoredSource } from "./score-field";
import { chooseTransform } from "./transform";
import type { FieldMatch, PriorApproval, SourceTable, TableMatch } from "./types";
import { describeValues, type ValueShape } from "./value-shape";
import { isKnownWord, namesOtherRecord, tokenize } from "./tokens";
import { aliasesOf } from "./vocabulary";

/** Below this a field is left unmapped; below ENTITY_FLOOR the table is no entity at all. */
const FIELD_FLOOR = 0.42;
const ENTITY_FLOOR = 0.45;
/** The floor for a table whose name says nothing but whose fields say one entity many times over. */
const FIELDS_ONLY_FLOOR = 0.3;
/** The best entity must also beat the runner-up by this much, or the table is left for a human. */
const ENTITY_MARGIN = 0.05;
/** An assignment this ambiguous is not proposed at all. */
const CONFIDENCE_FLOOR = 0.3;

/** `crm_accounts.csv` is named `crm_accounts`. */
const FILE_EXTENSION = /\.(csv|tsv|txt|jsonl|ndjson|json)$/i;
/** An application's table prefix (Dolibarr's `llx_societe`, Factusol's `F_FAC`): one to three letters that are no word. */
const TABLE_PREFIX = /^([a-z]{1,3})_(?=[a-z]{3})/i;

/** An API operation's verb (`QueryInstanceBill`, `ListInvoices`, `get_customers`): the rest names the records. */
const API_VERB = /^(?:[Gg]et|[Ll]ist|[Qq]uery|[Dd]escribe|[Ff]etch|[Ss]earch|[Ee]xport)(?=[A-Z_\-./ ])[_\-./ ]?/;

/** Collections that are parts of their parent (`invoices/items`, `bill/details`): named with it. */
const PARTS = new Set(["item", "line", "detail", "entry", "position", "row"]);

/**
 * A table's name as it says the entity: a REST path's collection (`/v2beta1/consumptions`, with its
 * parent when it is a part of it: `account/invoices/items`), without a file extension, an
 * application prefix or an API verb.
 */
function tableNameOf(table: string): string {
  const segments = table.split("/").filter((s) => s && !/^v\d/.test(s));
  const last = segments.pop() ?? table;
  const path = segments.length && tokenize(last).every((w) => PARTS.has(w)) ? `${segments.pop()} ${last}` : last;
  const name = path.replace(FILE_EXTENSION, "").replace(API_VERB, "");
  const prefix = TABLE_PREFIX.exec(name)?.[1];
  return prefix && !isKnownWord(prefix) ? name.slice(prefix.length + 1) : name;
}

type Pair = { field: number; target: number; score: number; method: FieldScore["method"] };
/** `named`: how well the table's own name says the entity, in [0, 1]. */
type EntityFit = { entity: OntologyEntity; score: number; named: number; pairs: Pair[]; scores: FieldScore[][] };
type SourceFields = { fields: ScoredSource[]; shapes: ValueShape[] };

/**
 * One-to-one assignment: the strongest pairs first, each source field and each target used once.
 * On a tie, a target's own name beats an alias (`Phone` over `MobilePhone`), then the earlier
 * column (systems list the principal one first).
 */
function assign(scores: FieldScore[][]): Pair[] {
  const pairs: Pair[] = [];
  scores.forEach((row, field) => row.forEach((s, target) => s.score >= FIELD_FLOOR && pairs.push({ field, target, ...s })));
  const exact = (p: Pair) => (p.method === "exact" ? 1 : 0);
  pairs.sort((a, b) => b.score - a.score || exact(b) - exact(a) || a.field - b.field);
  const usedFields = new Set<number>();
  const usedTargets = new Set<number>();
  return pairs.filter((p) => {
    if (usedFields.has(p.field) || usedTargets.has(p.target)) return false;
    usedFields.add(p.field);
    usedTargets.add(p.target);
    return true;
  });
}

function fitEntity(table: SourceTable, entity: OntologyEntity, source: SourceFields, memory: Memory, others: string[]): EntityFit {
  const tableName = readSourceName(tableNameOf(table.table));
  const elsewhere = namesOtherRecord(tableNameOf(table.table));
  const named = compareNames(tableName, nameCandidates(entity.name, aliasesOf(entity, table))).score;
  const keyIndex = entity.fields.findIndex((f) => f.name === entity.key);
  const targets = entity.fields.map((f) => readTarget(f, entity.name, table, memory.learnedNames(entity.name, f.name)));
  // Where the table has its system's own key, a business number (`code_client`, `Account_Number`) is not the key.
  const surrogates = named >= NAMED_TABLE ? source.fields.map(surrogateScore) : [];
  const hasSurrogate = surrogates.some((s) => s > 0);
  const surnames = familyNameColumns(source.fields);
  const businessKeys = named >= NAMED_TABLE ? source.fields.map((f) => businessKeyScore(f, entity, hasSurrogate)) : [];
  const scores = table.fields.map((field, i) => {
    const decided = memory.about(field.name);
    return targets.map((target, t): FieldScore => {
      const recalled = decided.recall(entity.name, target.field.name);
      if (recalled !== null) return { score: recalled, method: "prior" };
      // A bare `Id` (or another surrogate key) in a table named for the entity is that entity's key (`accounts.csv`, Salesforce's `Account`).
      const surrogate = t === keyIndex ? surrogates[i] || businessKeys[i] || 0 : 0;
      if (surrogate) return { score: surrogate, method: "alias" };
      const scoredField = scoreField(source.fields[i]!, source.shapes[i]!, target);
      const found = surnames[i] && target.field.semantic === "name" ? { ...scoredField, score: scoredField.score * 0.5 } : scoredField;
      const keyFactor =
        t !== keyIndex ? 1 : (hasSurrogate ? BUSINESS_NUMBER : 1) * (namesOther(source.fields[i]!, entity, others) ? 0.5 : 1);
      const scored = { ...found, score: found.score * keyFactor };
      return decided.rejected ? { ...scored, score: scored.score * 0.5 } : scored;
    });
  });
  const pairs = assign(scores);
  const coverage = pairs.reduce((sum, p) => sum + p.score, 0) / entity.fields.length;
  const key = pairs.find((p) => p.target === keyIndex)?.score ?? 0;
  const score = 0.3 * named + 0.55 * coverage + 0.15 * key;
  // Ids, numbers, statuses and dates are in every table: a table its name does not place needs a field that tells the entity.
  const told = named >= NAMED_TABLE || pairs.some((p) => p.score >= 0.6 && !GENERIC.has(entity.fields[p.target]!.semantic));
  return { entity, scores, pairs, named, score: elsewhere && named < NAMED_TABLE ? score * ELSEWHERE : told ? score : score * UNTOLD };
}

/** Beside a first name, a bare `Name` is the person's family name (Lexware's `Vorname`, `Name` next to `Firma`), not the company's. */
function familyNameColumns(fields: ScoredSource[]): boolean[] {
  const words = fields.map((f) => f.name.whole.tokens.join(" "));
  const personal = words.some((w) => w === "first name" || w === "given name");
  return words.map((w) => personal && w === "name");
}

/** A table name at least this close to an entity's names says the entity. */
const NAMED_TABLE = 0.9;
/** Above a business number's alias (`customer number`, `Account_Number`): references point at the system's own key. */
const BARE_ID_IN_NAMED_TABLE = 0.97;
/** Semantics every kind of table has, which cannot tell an entity on their own (GitHub's issues have an id, a number, a state and dates). */
const GENERIC = new Set<FieldSemantic>([
  "identifier",
  "reference",
  "account_reference",
  "resource_reference",
  "name",
  "person",
  "category",
  "text",
  "document_number",
  "created",
  "date",
  "flag",
]);
const UNTOLD = 0.7;
/** A table named for records that are none of the entities (`payments` have amounts, statuses and customers too). */
const ELSEWHERE = 0.6;

/** A key that names another entity and not this one (`invoice_id` in an invoice's items) points at that entity: a reference. */
const namesOther = (field: ScoredSource, entity: OntologyEntity, others: string[]) => {
  const words = field.name.whole.tokens;
  return !words.includes(entity.name) && others.some((name) => name !== entity.name && words.includes(name));
};

/** A business number's score as the key of a table that has its system's own key. */
const BUSINESS_NUMBER = 0.9;
/** A system's own record key: `Id`, `_id`, `rowid`, `Internal ID`, `uuid`, `RecId`, `objectid`. */
const SURROGATE_KEYS = new Set(["id", "row id", "internal id", "record id", "object id", "uuid", "guid", "sys id"]);
/** A key that says it is the internal one (`Internal ID`, `rowid`) wins over a bare `ID`, often a display number. */
const surrogateScore = (field: ScoredSource) => {
  const words = field.name.whole.tokens.join(" ");
  return SURROGATE_KEYS.has(words) ? (words === "id" ? BARE_ID_IN_NAMED_TABLE : BARE_ID_IN_NAMED_TABLE + 0.01) : 0;
};

/** A column name of a file that prefixes every column with its own two letters: Infor M3's `OKCUNO` in `OCUSMA`, JD Edwards' `ABALPH`. */
const FILE_PREFIXED = /^[A-Z]{2}[A-Z][A-Z0-9]{2,5}$/;

/** The columns' names without their file's prefix, when every column carries the same one (it says nothing about the column). */
function withoutFilePrefix(names: string[]): string[] {
  const prefix = names[0]?.slice(0, 2);
  const prefixed = names.length >= 4 && names.every((n) => FILE_PREFIXED.test(n) && n.startsWith(prefix!));
  return prefixed ? names.map((n) => n.slice(2)) : names;
}

/** A bare `Code` or `Number` (`Codice`, `Nummer`, `Código`) in a table named for the entity is its business key. */
const BUSINESS_KEYS = new Set(["code", "number"]);
const BARE_BUSINESS_KEY = 0.85;
/** A bare business key's score as the key, unless the entity has a field of that name (an invoice's `number`); 0 when it is none. */
const businessKeyScore = (field: ScoredSource, entity: OntologyEntity, hasSurrogate: boolean) => {
  const words = field.name.whole.tokens.join(" ");
  if (!BUSINESS_KEYS.has(words) || entity.fields.some((f) => f.name === words)) return 0;
  return hasSurrogate ? BARE_BUSINESS_KEY * BUSINESS_NUMBER : BARE_BUSINESS_KEY;
};

/** Every entity's fit for the table, best first. */
export function rankEntities(table: SourceTable, ontology: OntologyDefinition, priors: PriorApproval[]): EntityFit[] {
  const columns = withoutFilePrefix(table.fields.map((f) => f.name));
  const source = {
    fields: table.fields.map((f, i) => readSource({ ...f, name: columns[i]! })),
    shapes: table.fields.map((f) => describeValues(f.samples)),
  };
  const memory = readMemory(priors, table.source);
  const names = ontology.entities.map((e) => e.name);
  const fits = ontology.entities.map((entity) => fitEntity(table, entity, source, memory, names));
  if (source.shapes.some((s) => s.companyName >= 0.5)) companiesNamedAsPeople(fits);
  return fits.sort((a, b) => b.score - a.score);
}

const PERSON_NAMES = new Set<FieldSemantic>(["given_name", "family_name"]);

/**
 * Many small-business systems call every customer a contact (Xero, Holded, Bling): a table named
 * for people whose names are companies (`GmbH`, `Ltda`, `B.V.`) and with no first or last name
 * holds the organizations the people entity refers to, so its name counts for those.
 */
function companiesNamedAsPeople(fits: EntityFit[]): void {
  for (const people of fits) {
    const nameFields = people.entity.fields.flatMap((f, i) => (PERSON_NAMES.has(f.semantic) ? [i] : []));
    if (!nameFields.length || people.pairs.some((p) => nameFields.includes(p.target) && p.score >= 0.6)) continue;
    const organizations = new Set(people.entity.fields.flatMap((f) => (f.semantic === "reference" && f.references ? [f.references] : [])));
    for (const fit of fits) {
      if (!organizations.has(fit.entity.name) || fit.named >= people.named) continue;
      fit.score += 0.3 * (people.named - fit.named);
      fit.named = people.named;
    }
    people.score -= 0.3 * people.named;
    people.named = 0;
  }
}

/** Fields that match an entity well (at 0.8 or more). */
const strongFields = (fit: EntityFit | undefined) => fit?.pairs.filter((p) => p.score >= 0.8).length ?? 0;
/** `a`'s fields say it many times over `b`'s. */
const fieldsApart = (a: EntityFit, b: EntityFit | undefined) => strongFields(a) >= 4 && strongFields(a) >= 2 * strongFields(b);

/**
 * The entity a table holds and its runner-up: by score, unless the table's name does not say the
 * first and the runner-up, close behind, has many times its well-matched fields or is the one the
 * name says (`invoices/items` are costs, not invoices).
 */
function pickEntities(fits: EntityFit[]): [EntityFit | undefined, EntityFit | undefined] {
  const [first, second] = fits;
  if (!first || !second || first.named >= NAMED_TABLE) return [first, second];
  const close = first.score - second.score;
  if ((close < 2 * ENTITY_MARGIN && fieldsApart(second, first)) || (close < ENTITY_MARGIN && second.named >= NAMED_TABLE))
    return [second, first];
  return [first, second];
}

/**
 * How sure a field's assignment is: its score, discounted when another target scored nearly as well
 * for this field, or another field nearly as well for this target (`customerId` and
 * `billToCustomerId`, `state` and `payment_state`: which one the target means is a person's call).
 * A field that took a better target of its own is no rival.
 */
function fieldConfidence(pair: Pair, fit: EntityFit, assigned: Map<number, Pair>): number {
  const row = fit.scores[pair.field]!;
  const otherTarget = Math.max(0, ...row.filter((_, t) => t !== pair.target).map((s) => s.score));
  const otherField = Math.max(
    0,
    ...fit.scores.map((r, f) => {
      const rival = r[pair.target]!.score;
      return f === pair.field || (assigned.get(f)?.score ?? 0) >= rival ? 0 : rival;
    }),
  );
  // Two columns for one target (amount due and amount entered, mobile and work phone) are the commoner trap: a wider window.
  // It only doubts the choice, never drops it: the assignment already judged the two.
  const byTarget = pair.score - Math.max(0, otherTarget - (pair.score - 0.15));
  const byField = Math.max(Math.min(pair.score, 0.6), pair.score - Math.max(0, otherField - (pair.score - 0.3)));
  return round(Math.max(0, Math.min(0.99, byTarget, byField)));
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Proposes the entity a source table holds and, for every source field, the ontology field it
 * carries (or none), with confidences in [0, 1]. Deterministic and offline: names, tokens,
 * abbreviations, aliases in several languages and systems, type names, value patterns, a one-to-one
 * assignment and what the tenant's people approved or corrected before.
 */
export function matchTable(table: SourceTable, ontology: OntologyDefinition, options: { priors?: PriorApproval[] } = {}): TableMatch {
  const [best, second] = pickEntities(rankEntities(table, ontology, options.priors ?? []));
  const none = (confidence: number): FieldMatch[] =>
    table.fields.map((f) => ({ field: f.name, target: null, confidence, method: "none", transform: null }));
  const margin = best ? best.score - (second?.score ?? 0) : 0;
  // A table whose name says the best entity, and not the runner-up, needs no margin (`relaties` holds phones and emails too).
  const namedApart = best !== undefined && best.named >= NAMED_TABLE && (second?.named ?? 0) < NAMED_TABLE;
  // Nor does one whose fields say the best entity many times over (`QueryInstanceBill`: an instance's costs).
  const byFields =
    best !== undefined && best.named < NAMED_TABLE && fieldsApart(best, second) && !namesOtherRecord(tableNameOf(table.table));
  // Such a table also clears a lower floor (DATEV's `Buchungsstapel`), judged by its fields alone and so never auto-approved.
  const floor = byFields ? FIELDS_ONLY_FLOOR : ENTITY_FLOOR;
  if (!best || best.score < floor || (margin < ENTITY_MARGIN && !namedApart && !byFields)) {
    // No entity: as unsure of every field as of the table, so a human sees it unless nothing came close.
    const confidence = round(Math.min(0.95, Math.max(0.5, 1 - (best?.score ?? 0))));
    return { entity: null, confidence, mappings: none(confidence) };
  }

  // A table whose own name does not say the entity (`transactions`, `SA1010`) is judged by its fields alone: a person confirms it.
  const entityConfidence = round(Math.min(0.99, 0.45 + (best.score - ENTITY_FLOOR) * 0.8 + margin * 0.8) * (0.85 + 0.15 * best.named));
  const byField = new Map(best.pairs.map((p) => [p.field, p]));
  const mappings = table.fields.map((field, i): FieldMatch => {
    const pair = byField.get(i);
    const confidence = pair ? Math.min(fieldConfidence(pair, best, byField), entityConfidence + 0.1) : 0;
    if (!pair || confidence < CONFIDENCE_FLOOR) {
      // Sure it is nothing when nothing came close.
      const bestScore = Math.max(0, ...best.scores[i].map((s) => s.score));
      return {
        field: field.name,
        target: null,
        confidence: round(Math.min(0.95, Math.max(0.5, 0.95 - bestScore))),
        method: "none",
        transform: null,
      };
    }
    const target = best.entity.fields[pair.target];
    return {
      field: field.name,
      target: `${best.entity.name}.${target.name}`,
      confidence: round(confidence),
      method: pair.method,
      transform: chooseTransform(field, target, table),
    };
  });
  return { entity: best.entity.name, confidence: entityConfidence, mappings };
}
