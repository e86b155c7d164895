import { z } from "zod";

/** One dependency's state; `mode` says which implementation runs (`embedded` or `server` database, `memory` or `upstash` KV, `embedded` or `inngest` jobs). */
export const ComponentStatus = z
  .object({
    status: z.enum(["ok", "down"]),
    mode: z.string().meta({ examples: ["embedded"] }),
    latencyMs: z.number().int().optional().meta({ description: "The probe's round trip, when it answered" }),
    error: z
      .string()
      .optional()
      .meta({ description: "The kind of failure (an error name, never its message)", examples: ["Error"] }),
  })
  .meta({ id: "ComponentStatus" });
export type ComponentStatus = z.infer<typeof ComponentStatus>;

export const Health = z
  .object({
    status: z
      .enum(["ok", "degraded", "down"])
      .meta({ description: "`down`: the database is down; `degraded`: Redis or the job engine is" }),
    database: ComponentStatus,
    redis: ComponentStatus,
    jobs: ComponentStatus,
  })
  .meta({ id: "Health", description: "Each dependency's state; the same body answers 503 when the database is down" });
export type Health = z.infer<typeof Health>;
