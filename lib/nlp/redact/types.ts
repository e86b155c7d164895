/** The kinds of personal data and secrets the redactor finds. National ids are one type per scheme. */
export const PII_TYPES = [
  "email",
  "phone",
  "card",
  "iban",
  "us_ssn",
  "uk_nino",
  "es_dni",
  "fr_nir",
  "nl_bsn",
  "it_fiscal_code",
  "ip",
  "api_key",
  "person",
] as const;
export type PiiType = (typeof PII_TYPES)[number];

export const NATIONAL_ID_TYPES: readonly PiiType[] = ["us_ssn", "uk_nino", "es_dni", "fr_nir", "nl_bsn", "it_fiscal_code"];

/** Types with a fixed shape (and often a checksum): the recall target applies to these. */
export const STRUCTURED_TYPES: readonly PiiType[] = PII_TYPES.filter((t) => t !== "person");

/** A span of the input: `start` inclusive, `end` exclusive, in UTF-16 code units (JavaScript string indices). */
export type PiiSpan = { start: number; end: number; type: PiiType };

/**
 * One detector's finding. `key` identifies the value for placeholders (the same key gets the same
 * placeholder); `specificity` breaks ties between overlapping findings of equal length.
 */
export type Detection = PiiSpan & { key: string; specificity: number };

export type DetectOptions = { knownNames?: readonly string[] };

export type Detector = (text: string, options: DetectOptions) => Detection[];

export type PiiCounts = Record<PiiType, number>;

export function emptyCounts(): PiiCounts {
  return Object.fromEntries(PII_TYPES.map((t) => [t, 0])) as PiiCounts;
}
