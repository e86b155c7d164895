import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Reads new records from a connection; on success it asks for a drift check (the chain's first link). */
export const connectorSync = awaitingDomain({
  type: "connector.sync",
  description: "Sync a connection",
  input: z.object({ connectionId: z.uuid() }),
  missing: "connectors arrive with the Adaptive API Mesh",
});
