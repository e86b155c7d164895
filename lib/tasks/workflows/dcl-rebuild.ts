import { z } from "zod";
import { awaitingDomain } from "./awaiting-domain";

/** Rebuilds the tenant's unified DuckDB views from approved mappings (the chain's last link). */
export const dclRebuild = awaitingDomain({
  type: "dcl.rebuild",
  description: "Rebuild the tenant's unified views",
  input: z.object({}).strict(),
  missing: "unified views arrive with the Data Connection Layer",
});
