import { parseTarget } from "@/lib/dcl/ontology/definition";
import { compact, tokenize } from "./tokens";
import type { PriorApproval } from "./types";

/** A person mapped this very name to this very target. */
const SAME_NAME = 0.97;
/** A person mapped this name, in another table of the same source, to the same field of another entity. */
const SAME_SOURCE_OTHER_ENTITY = 0.9;

const keyOf = (name: string) => compact(tokenize(name)) || name.toLowerCase();

/** A connection as a table's source: its type and its name (`salesforce: Prod org`), as priors and tables record it. */
export function connectionSource(connection: { type: string; name: string }): string {
  return `${connection.type}: ${connection.name}`;
}

/** Connection types that say nothing of the system behind them: two file or PostgreSQL connections may hold anything. */
const CONTAINER_TYPES = new Set(["file", "postgres", "mongodb"]);

/**
 * `salesforce: Prod org` is the same source as `salesforce` and as `Prod org`: a connection's type
 * (when it names a system) or its name.
 */
function sourceKeys(source: string): Set<string> {
  const whole = source.trim().toLowerCase();
  return new Set([
    whole,
    ...whole
      .split(":")
      .map((s) => s.trim())
      .filter((s) => s && !CONTAINER_TYPES.has(s)),
  ]);
}

/** What people decided about one source name. */
export type Recollection = {
  /** The score their decision gives this target, or null when none speaks to it. */
  recall(entity: string, field: string): number | null;
  /** They said this name maps to nothing (and never to something). */
  rejected: boolean;
};

/** What the tenant's people decided before, as the matcher reads it for one table. */
export type Memory = {
  about(fieldName: string): Recollection;
  /** Source names people mapped to this target (or, in the same source, to the same field of another entity): they count as its aliases, so similar names follow. */
  learnedNames(entity: string, field: string): string[];
};

/**
 * Approvals and corrections generalize three ways: the same name (normalized) to the same target
 * in any table; in another table of the same source, the same name to the same field of that table's
 * entity (`KUNNR` → invoice.account_id teaches opportunity.account_id); and any similar name, since a
 * decided name becomes an alias of its target.
 */
export function readMemory(priors: PriorApproval[], tableSource: string): Memory {
  const here = sourceKeys(tableSource);
  const sameSource = (p: PriorApproval) => p.source !== undefined && [...sourceKeys(p.source)].some((k) => here.has(k));
  const byName = new Map<string, PriorApproval[]>();
  for (const p of priors) byName.set(keyOf(p.sourceField), [...(byName.get(keyOf(p.sourceField)) ?? []), p]);
  const decided = priors.filter((p): p is PriorApproval & { target: string } => p.target !== null);

  return {
    about(fieldName) {
      const remembered = byName.get(keyOf(fieldName)) ?? [];
      return {
        recall(entity, field) {
          if (remembered.some((p) => p.target === `${entity}.${field}`)) return SAME_NAME;
          const elsewhere = remembered.some((p) => p.target !== null && sameSource(p) && parseTarget(p.target).field === field);
          return elsewhere ? SAME_SOURCE_OTHER_ENTITY : null;
        },
        rejected: remembered.length > 0 && remembered.every((p) => p.target === null),
      };
    },
    learnedNames(entity, field) {
      return decided
        .filter((p) => p.target === `${entity}.${field}` || (sameSource(p) && parseTarget(p.target).field === field))
        .map((p) => p.sourceField);
    },
  };
}
