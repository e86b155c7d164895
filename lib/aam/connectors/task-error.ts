import { DomainError } from "@/lib/errors";
import { PermanentTaskError } from "@/lib/tasks/types";
import { ConnectorError } from "./types";

/**
 * For workflows: a source that is unreachable (or a sync already running) is worth a retry; bad
 * settings, refused credentials, a missing connection are not, so the task fails at once.
 */
export function asTaskError(error: unknown): never {
  if (error instanceof ConnectorError && !error.retriable) throw new PermanentTaskError(error.message);
  if (error instanceof DomainError && error.status !== 409) throw new PermanentTaskError(error.message);
  throw error;
}
