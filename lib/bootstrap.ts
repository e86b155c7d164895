import "server-only";
import { env } from "@/lib/env";
import { getDb } from "@/lib/db";
import { systemDb } from "@/lib/db/scope";
import { seedDemo, DEMO } from "@/lib/db/seed";
import { log } from "@/lib/log";
import { startJobEngine } from "@/lib/jobs/engine";
import { ensureDemoSources } from "@/lib/aam/demo-sources";

/** Server start: the database is opened (migrations applied) before the first request. */
export async function bootstrapServer(): Promise<void> {
  const db = systemDb(await getDb(), "startup seed");
  if (env.seedDemo) {
    const { created } = await seedDemo(db);
    if (created) log.info("demo tenant seeded", { email: DEMO.email });
  }
  await startJobEngine();
  if (env.seedDemo) {
    const { created } = await ensureDemoSources(db);
    if (created) log.info("demo sources connected and a first sync queued");
  }
  log.info("AutonomOS ready", { database: env.database.mode, redis: env.redis.mode });
}
