import agentRun from "@/inngest/functions/agent-run";
import agentSchedule from "@/inngest/functions/agent-schedule";
import connectorSync from "@/inngest/functions/connector-sync";
import dclRebuild from "@/inngest/functions/dcl-rebuild";
import driftCheck from "@/inngest/functions/drift-check";
import driftRepair from "@/inngest/functions/drift-repair";
import kbIngest from "@/inngest/functions/kb-ingest";

/** Every workflow as an Inngest function, served at /api/inngest. */
export const functions = [connectorSync, driftCheck, driftRepair, dclRebuild, kbIngest, agentRun, agentSchedule];
