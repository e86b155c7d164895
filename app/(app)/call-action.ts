import type { ActionResult } from "./action-client";

/**
 * Calls a server action from the browser. A call that never answers (network down, the app
 * redeployed) becomes an ordinary failed result, so no button stays busy and no error goes unshown.
 */
export async function callAction<T>(action: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action();
  } catch {
    return { ok: false, error: "The server could not be reached; try again" };
  }
}
