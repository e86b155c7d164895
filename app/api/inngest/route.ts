import { serve } from "inngest/next";
import { inngest } from "@/inngest/client";
import { functions } from "@/inngest";
import { jobEngineMode } from "@/lib/jobs/mode";

const handlers = serve({ client: inngest, functions });

type Handler = (typeof handlers)["GET"];

/** Served only when Inngest runs the tasks; otherwise nothing may invoke functions through here. */
function whenInngest(handler: Handler): Handler {
  return ((...args: Parameters<Handler>) =>
    jobEngineMode() === "inngest"
      ? handler(...args)
      : Response.json(
          { error: { code: "not_found", message: "Inngest is not configured: tasks run on the embedded engine" } },
          { status: 404 },
        )) as Handler;
}

export const GET = whenInngest(handlers.GET);
export const POST = whenInngest(handlers.POST);
export const PUT = whenInngest(handlers.PUT);
