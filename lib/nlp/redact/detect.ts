import { detectApiKeys } from "./detectors/api-key";
import { detectCards } from "./detectors/card";
import { detectEmails } from "./detectors/email";
import { detectEsDnis } from "./detectors/es-dni";
import { detectFrNirs } from "./detectors/fr-nir";
import { detectIbans } from "./detectors/iban";
import { detectIps } from "./detectors/ip";
import { detectItFiscalCodes } from "./detectors/it-fiscal-code";
import { detectNlBsns } from "./detectors/nl-bsn";
import { detectKnownNames, detectPersonPatterns, linkPartialNames } from "./detectors/person";
import { detectPhones } from "./detectors/phone";
import { detectUkNinos } from "./detectors/uk-nino";
import { detectUsSsns } from "./detectors/us-ssn";
import { PII_TYPES, type DetectOptions, type Detection, type PiiType } from "./types";

const DETECTORS: Readonly<Record<Exclude<PiiType, "person">, (text: string) => Detection[]>> = {
  email: detectEmails,
  phone: detectPhones,
  card: detectCards,
  iban: detectIbans,
  us_ssn: detectUsSsns,
  uk_nino: detectUkNinos,
  es_dni: detectEsDnis,
  fr_nir: detectFrNirs,
  nl_bsn: detectNlBsns,
  it_fiscal_code: detectItFiscalCodes,
  ip: detectIps,
  api_key: detectApiKeys,
};

/**
 * Overlapping findings: the longest wins, then the most specific (checksummed and prefixed
 * values over shapes, shapes over names), then the earliest.
 */
export function resolveOverlaps(detections: readonly Detection[]): Detection[] {
  const ranked = [...detections].sort((a, b) => b.end - b.start - (a.end - a.start) || b.specificity - a.specificity || a.start - b.start);
  const taken = new Uint8Array(detections.reduce((max, d) => Math.max(max, d.end), 0));
  const kept: Detection[] = [];
  for (const d of ranked) {
    if (taken.subarray(d.start, d.end).includes(1)) continue;
    taken.fill(1, d.start, d.end);
    kept.push(d);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export type DetectPiiOptions = DetectOptions & { types?: readonly PiiType[] };

/** Every finding in `text` after overlaps are resolved, in order of position. */
export function detectPii(text: string, options: DetectPiiOptions = {}): Detection[] {
  const types = new Set(options.types ?? PII_TYPES);
  const found: Detection[] = [];
  for (const [type, detect] of Object.entries(DETECTORS) as [PiiType, (t: string) => Detection[]][])
    if (types.has(type)) found.push(...detect(text));
  if (types.has("person")) {
    const people = [...detectKnownNames(text, options.knownNames ?? []), ...detectPersonPatterns(text)];
    found.push(...linkPartialNames(text, people));
  }
  return resolveOverlaps(found);
}
