import { parseTarget } from "@/lib/dcl/ontology/definition";

/** A field's newest mapping version, or the newest approved one (the version in force). */
export type MappingVersion = { target: string | null; confidence: number; method: string; status: "proposed" | "approved" | "rejected" };

/** A field of a stream's schema as discovery recorded it: `type` is the source's own type name when it gave one. */
export type SchemaFieldInput = { name: string; type: string };

/**
 * Where a field stands: `mapped` (an approved target is in force), `proposed` (no target in force,
 * one waits for a person) or `unmapped` (no target in force and none proposed: the matcher found
 * nothing, a person rejected it, or the stream was never mapped).
 */
export type FieldState = "mapped" | "proposed" | "unmapped";

export type DiscoveredField = {
  name: string;
  type: string;
  state: FieldState;
  /** The target in force, else the one proposed; null when unmapped. */
  target: string | null;
  /** The confidence of the version that gives `target`; null when unmapped. */
  confidence: number | null;
  /** The field's newest version waits for a person (it is in the review inbox). */
  waiting: boolean;
};

/**
 * Where a stream stands: `mapped` (at least one field feeds an entity), `review` (nothing feeds one
 * yet, but a proposal or a schema change waits for a person) or `unmapped` (nothing maps and nothing waits).
 */
export type StreamState = "mapped" | "review" | "unmapped";

export type StreamSummary = {
  /** The entity most of the stream's mapped or proposed fields point to (ties by name); null when none does. */
  entity: string | null;
  /** The mean confidence of the fields pointing to `entity`; null without one. */
  confidence: number | null;
  /** How many fields point to `entity`. */
  entityFields: number;
  state: StreamState;
  fields: DiscoveredField[];
  counts: { fields: number; mapped: number; proposed: number; unmapped: number; waiting: number };
};

/** One field: its newest version and the version in force (the newest approved), when any. */
export function summarizeField(
  field: SchemaFieldInput,
  newest: MappingVersion | undefined,
  inForce: MappingVersion | undefined,
): DiscoveredField {
  const waiting = newest?.status === "proposed";
  const base = { name: field.name, type: field.type, waiting };
  if (inForce?.target) return { ...base, state: "mapped", target: inForce.target, confidence: inForce.confidence };
  if (waiting && newest.target) return { ...base, state: "proposed", target: newest.target, confidence: newest.confidence };
  return { ...base, state: "unmapped", target: null, confidence: null };
}

/**
 * A stream's fields with their mappings, the entity they point to and whether anything waits.
 * `heldChanges`: schema changes of the stream its connection's policy holds for a person.
 */
export function summarizeStream(input: {
  fields: SchemaFieldInput[];
  newest: ReadonlyMap<string, MappingVersion>;
  inForce: ReadonlyMap<string, MappingVersion>;
  heldChanges: number;
}): StreamSummary {
  const fields = input.fields.map((f) => summarizeField(f, input.newest.get(f.name), input.inForce.get(f.name)));
  const votes = new Map<string, number[]>();
  for (const f of fields) {
    if (!f.target || f.confidence === null) continue;
    const { entity } = parseTarget(f.target);
    votes.set(entity, [...(votes.get(entity) ?? []), f.confidence]);
  }
  const [best] = [...votes].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const count = (state: FieldState) => fields.filter((f) => f.state === state).length;
  const counts = {
    fields: fields.length,
    mapped: count("mapped"),
    proposed: count("proposed"),
    unmapped: count("unmapped"),
    waiting: fields.filter((f) => f.waiting).length + input.heldChanges,
  };
  const state: StreamState = counts.mapped > 0 ? "mapped" : counts.waiting > 0 ? "review" : "unmapped";
  return {
    entity: best?.[0] ?? null,
    confidence: best ? round(best[1].reduce((sum, c) => sum + c, 0) / best[1].length) : null,
    entityFields: best?.[1].length ?? 0,
    state,
    fields,
    counts,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
