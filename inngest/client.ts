import { Inngest } from "inngest";
import { env } from "@/lib/env";

/** The Inngest client. Keys and the server URL come from lib/env (INNGEST_*). */
export const inngest = new Inngest({
  id: "autonomos",
  eventKey: env.inngest.eventKey,
  baseUrl: env.inngest.baseUrl,
  isDev: env.inngest.dev ? true : undefined,
});
