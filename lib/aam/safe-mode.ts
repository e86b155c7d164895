import { ValidationError } from "@/lib/errors";
import type { SchemaPolicy } from "@/lib/aam/schemas";

/**
 * Safe mode: a connection onboarded read-only and sampled. Each sync reads at most `sampleRowLimit`
 * rows per stream and never advances a stream's read state (lib/aam/sync.ts); the DCL only proposes
 * mappings and repairs for it and no view build includes its streams (lib/dcl), until a person
 * promotes it (lib/aam/promote.ts), which is the only way out. What each source type guarantees:
 * - files: read from the store or an allowed folder; nothing is ever written anywhere else.
 * - PostgreSQL: every session is read-only, and a role that is a superuser or may write to a
 *   table of the configured schema is refused (connectors/postgres-read-only.ts).
 * - Salesforce: only read calls reach the org (GET describe and SOQL query); the one POST is the
 *   OAuth token refresh to the login host. No check of the user's permissions is made.
 * - MongoDB: only read commands (ping, listCollections, find, getMore). No check of the user's roles is made.
 */

export const DEFAULT_SAMPLE_ROW_LIMIT = 1_000;
export const MAX_SAMPLE_ROW_LIMIT = 10_000;

/** Policies that hold a breaking schema change for a person; `propagate_all` applies every change without one. */
export const SAFE_MODE_POLICIES = [
  "require_approval",
  "pause_on_breaking",
  "propagate_additive",
] as const satisfies readonly SchemaPolicy[];
export const SAFE_MODE_DEFAULT_POLICY: SchemaPolicy = "require_approval";
const DEFAULT_POLICY: SchemaPolicy = "propagate_additive";

export type SafeModeSettings = { safeMode: boolean; sampleRowLimit: number | null; schemaPolicy: SchemaPolicy };
export type Refusal = { path: string; message: string };

const rows = (n: number) => n.toLocaleString("en-US");

/** Why these settings are refused; empty when they are allowed. */
export function safeModeRefusals(settings: SafeModeSettings): Refusal[] {
  const refusals: Refusal[] = [];
  const { safeMode, sampleRowLimit, schemaPolicy } = settings;
  if (!safeMode) {
    if (sampleRowLimit !== null)
      refusals.push({ path: "sampleRowLimit", message: "only a connection in safe mode has a sample row limit" });
    return refusals;
  }
  if (!(SAFE_MODE_POLICIES as readonly string[]).includes(schemaPolicy)) {
    refusals.push({
      path: "schemaPolicy",
      message: `safe mode needs schema changes to wait for a person, and ${schemaPolicy} applies every change without one; choose ${SAFE_MODE_POLICIES.join(", ")}`,
    });
  }
  if (sampleRowLimit === null || sampleRowLimit < 1 || sampleRowLimit > MAX_SAMPLE_ROW_LIMIT) {
    refusals.push({
      path: "sampleRowLimit",
      message: `safe mode reads a bounded sample: between 1 and ${rows(MAX_SAMPLE_ROW_LIMIT)} rows per stream${sampleRowLimit === null ? "" : `, not ${rows(sampleRowLimit)}`}`,
    });
  }
  return refusals;
}

/** A new connection's settings, with safe mode's defaults. Throws ValidationError (422) naming each refused field. */
export function newConnectionSettings(input: {
  safeMode?: boolean;
  sampleRowLimit?: number;
  schemaPolicy?: SchemaPolicy;
}): SafeModeSettings {
  const safeMode = input.safeMode ?? false;
  const settings: SafeModeSettings = {
    safeMode,
    sampleRowLimit: input.sampleRowLimit ?? (safeMode ? DEFAULT_SAMPLE_ROW_LIMIT : null),
    schemaPolicy: input.schemaPolicy ?? (safeMode ? SAFE_MODE_DEFAULT_POLICY : DEFAULT_POLICY),
  };
  assertAllowed(safeModeRefusals(settings));
  return settings;
}

/**
 * An update's settings over the current ones. Safe mode is chosen when a connection is created
 * and left only by promotion; the limit and policy stay within safe mode's rules. Throws ValidationError.
 */
export function updatedConnectionSettings(
  current: SafeModeSettings,
  input: { safeMode?: boolean; sampleRowLimit?: number; schemaPolicy?: SchemaPolicy },
): SafeModeSettings {
  const refusals: Refusal[] = [];
  if (input.safeMode === false && current.safeMode) {
    refusals.push({
      path: "safeMode",
      message: "a connection leaves safe mode only by promotion (POST /api/v1/aam/connections/{id}/promote)",
    });
  }
  if (input.safeMode === true && !current.safeMode) {
    refusals.push({
      path: "safeMode",
      message: "safe mode is chosen when a connection is created; create a new connection to onboard this source in safe mode",
    });
  }
  assertAllowed(refusals);
  const settings = {
    ...current,
    ...(input.sampleRowLimit !== undefined && { sampleRowLimit: input.sampleRowLimit }),
    ...(input.schemaPolicy && { schemaPolicy: input.schemaPolicy }),
  };
  assertAllowed(safeModeRefusals(settings));
  return settings;
}

/** The most rows one sync reads per stream: the sample limit in safe mode, else no limit. */
export function syncRowLimit(connection: { safeMode: boolean; sampleRowLimit: number | null }): number | null {
  return connection.safeMode ? Math.min(connection.sampleRowLimit ?? DEFAULT_SAMPLE_ROW_LIMIT, MAX_SAMPLE_ROW_LIMIT) : null;
}

function assertAllowed(refusals: Refusal[]) {
  if (refusals.length === 0) return;
  throw new ValidationError(`Refused: ${refusals.map((r) => `${r.path}: ${r.message}`).join("; ")}`, { issues: refusals });
}
