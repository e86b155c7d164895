import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Compares the latest schema fingerprint; when drift is found it asks for a repair. */
export const driftCheck = awaitingDomain({
  type: "drift.check",
  description: "Check a connection for schema drift",
  input: z.object({ connectionId: z.uuid() }),
  missing: "schema fingerprints arrive with the Adaptive API Mesh",
});
