import type { JsonValue } from "@/lib/aam/connectors/types";

/** How values of a renamed field relate to the old ones: the same, or converted by a unit change. */
export type ValueRelation = "same" | "times_100" | "divided_by_100";

export type Agreement = {
  /** Share of the records compared whose values relate, in [0, 1]. */
  share: number;
  relation: ValueRelation;
  /** Records where both sides have a value. */
  compared: number;
  /** Distinct values among them: below 3 (flags, a single status) agreement says little. */
  distinct: number;
};

/** Below this many records with values on both sides, values are not compared at all. */
const MIN_COMPARED = 2;

/**
 * How well two fields' values agree record by record (samples are lined up: index i is the same
 * source record on both sides), under the best of: the same value (numbers as numbers, text
 * without case or separators, instants whatever their format, epoch seconds included), or one a
 * hundred times the other (minor units, percent and fraction). Undefined when too few records
 * have values on both sides.
 */
export function agreement(before: JsonValue[], after: JsonValue[]): Agreement | undefined {
  const pairs: [JsonValue, JsonValue][] = [];
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    if (present(before[i]) && present(after[i])) pairs.push([before[i]!, after[i]!]);
  }
  if (pairs.length < MIN_COMPARED) return undefined;
  const distinct = new Set(pairs.map(([b]) => canonical(b))).size;
  let best: Agreement = { share: 0, relation: "same", compared: pairs.length, distinct };
  for (const relation of ["same", "times_100", "divided_by_100"] as const) {
    const share = pairs.filter(([b, a]) => related(b, a, relation)).length / pairs.length;
    if (share > best.share) best = { ...best, share, relation };
  }
  return best;
}

const present = (v: JsonValue | undefined) => v !== null && v !== undefined && v !== "";

function related(before: JsonValue, after: JsonValue, relation: ValueRelation): boolean {
  if (relation === "same") return sameValue(before, after);
  const [b, a] = [asNumber(before), asNumber(after)];
  if (b === null || a === null) return false;
  return relation === "times_100" ? close(a, b * 100) : close(a, b / 100);
}

function sameValue(before: JsonValue, after: JsonValue): boolean {
  const [nb, na] = [asNumber(before), asNumber(after)];
  if (nb !== null && na !== null && close(nb, na)) return true;
  const [ib, ia] = [asInstant(before), asInstant(after)];
  if (ib !== null && ia !== null && (ib === ia || sameDay(ib, ia))) return true;
  return canonical(before) === canonical(after);
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function asNumber(v: JsonValue): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return null;
}

/**
 * Milliseconds since the epoch of an ISO date or timestamp, an SAP date (`20240115`), a
 * Microsoft JSON date (`/Date(1705276800000)/`), or epoch seconds or milliseconds (numbers or digits).
 */
function asInstant(v: JsonValue): number | null {
  if (typeof v === "string") {
    const text = v.trim();
    const sap = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (sap && Number(sap[2]) >= 1 && Number(sap[2]) <= 12) return Date.UTC(Number(sap[1]), Number(sap[2]) - 1, Number(sap[3]));
    const ms = /^\/Date\((-?\d{1,15})([+-]\d{4})?\)\/$/.exec(text);
    if (ms) return Number(ms[1]);
    if (/^\d{1,15}$/.test(text)) return asInstant(Number(text));
    // ISO, and the US style of report exports (`1/15/2024 10:00 AM`).
    if (!/^\d{4}-\d{2}-\d{2}/.test(text) && !/^\d{1,2}\/\d{1,2}\/\d{4}/.test(text)) return null;
    const t = Date.parse(text);
    // Beyond ±8.64e15 ms no Date exists (toISOString would throw).
    return Number.isNaN(t) || Math.abs(t) > 8.64e15 ? null : t;
  }
  if (typeof v !== "number") return null;
  if (v > 1e11 && v < 1e14) return v;
  if (v > 1e8 && v < 1e11) return v * 1000;
  return null;
}

/** The same calendar day: a date against an instant of that day, or one instant written in two formats whose zones may differ. */
const sameDay = (a: number, b: number) =>
  Math.abs(a - b) < 86_400_000 && new Date(a).toISOString().slice(0, 10) === new Date(b).toISOString().slice(0, 10);

/** `Closed Won`, `closed_won` and `CLOSED-WON` are one value. */
function canonical(v: JsonValue): string {
  return typeof v === "string"
    ? v
        .trim()
        .toLowerCase()
        .replace(/[\s_\-]+/g, " ")
    : JSON.stringify(v);
}
