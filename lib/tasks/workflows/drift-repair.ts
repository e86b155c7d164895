import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Re-maps drifted fields (automatically or with a human); then asks for a DCL rebuild. */
export const driftRepair = awaitingDomain({
  type: "drift.repair",
  description: "Repair mappings after drift",
  input: z.object({ connectionId: z.uuid() }),
  missing: "the repair agent arrives with self-healing",
});
