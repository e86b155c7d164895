/**
 * PII redaction for everything stored in the knowledge base and everything sent to a model.
 * Pure functions: no database, no network, safe in the CLI and in the browser bundle.
 */
export { detectPii, resolveOverlaps, type DetectPiiOptions } from "./detect";
export { createRedactor, redact, type RedactOptions, type RedactResult, type Redactor } from "./redact";
export { redactJson } from "./redact-json";
export { NATIONAL_ID_TYPES, PII_TYPES, STRUCTURED_TYPES, type PiiCounts, type PiiSpan, type PiiType } from "./types";
