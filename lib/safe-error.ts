import { randomBytes } from "node:crypto";
import { UserFacingError } from "@/lib/errors";
import { log } from "@/lib/log";

const MAX_MESSAGE_LENGTH = 2_000;

/** What a person may see of an error. `reference` is set when the details went to the log instead. */
export type SafeError = { message: string; reference?: string };

/**
 * The one rule for what an error may show outside the server log (tasks, connections, REST answers,
 * server actions): a `UserFacingError` (the domain errors of lib/errors.ts, connector errors,
 * permanent task errors) shows its own message; anything else (database driver, SDK, programming
 * error) shows "Internal error, reference <id>" and is logged in full under that reference, with
 * `context` (task id, connection id, ...). A request passes its request id as the reference.
 */
export function toSafeError(error: unknown, context: Record<string, unknown> = {}, reference = randomBytes(6).toString("hex")): SafeError {
  if (error instanceof UserFacingError && error.message.trim()) return { message: error.message.slice(0, MAX_MESSAGE_LENGTH) };
  const known = typeof error === "object" && error !== null ? logged.get(error) : undefined;
  if (known) return known;
  log.error("internal error", { reference, ...context, error });
  const safe = { message: internalErrorMessage(reference), reference };
  if (typeof error === "object" && error !== null) logged.set(error, safe);
  return safe;
}

/** An error seen twice (the sync's connection status, then its task) keeps one reference and one log line. */
const logged = new WeakMap<object, SafeError>();

export const internalErrorMessage = (reference: string) => `Internal error, reference ${reference}`;
