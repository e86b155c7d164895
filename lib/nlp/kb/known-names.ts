import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import { withViewTables } from "@/lib/agents/view-tables";
import { log } from "@/lib/log";

const MAX_NAMES = 50_000;

/**
 * People's full names from the tenant's own contact records (the unified `contact` view), for the
 * redactor to find in documents beyond what name patterns catch. None when no view is built.
 */
export async function contactNames(scope: TenantScope): Promise<string[]> {
  try {
    return await withViewTables(scope, ["contact"], async (duck) => {
      const result = await duck.runAndReadAll(
        `SELECT DISTINCT trim(concat_ws(' ', trim(CAST(first_name AS VARCHAR)), trim(CAST(last_name AS VARCHAR)))) AS name FROM contact
         WHERE first_name IS NOT NULL AND last_name IS NOT NULL LIMIT ${MAX_NAMES}`,
      );
      return result
        .getRowObjectsJS()
        .map((r) => String(r.name))
        .filter((n) => n.includes(" "));
    });
  } catch (error) {
    log.warn("contact names unavailable for redaction", { tenantId: scope.tenantId, error });
    return [];
  }
}

/** The names whose every word occurs in `text` (so the redactor looks for a handful, not thousands). */
export function namesIn(text: string, names: readonly string[]): string[] {
  const present = new Set(text.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? []);
  return names.filter((name) =>
    name
      .toLowerCase()
      .split(/\s+/)
      .every((w) => present.has(w)),
  );
}
