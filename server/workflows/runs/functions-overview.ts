import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { wfCron } from "@/db/schema";
import { runningExecutor } from "../embedded/start-embedded";
import { workflowMode } from "../mode";

/** The registered functions with their triggers and next cron times. */
export async function functionsOverview() {
  const executor = runningExecutor();
  if (!executor) return { mode: workflowMode(), functions: [] };
  const db = await getDb();
  const crons = await db.select({ fnId: wfCron.fnId, cron: wfCron.cron, nextAt: wfCron.nextAt }).from(wfCron).orderBy(sql`${wfCron.nextAt}`);
  return {
    mode: workflowMode(),
    functions: [...executor.ctx.registry.values()].map((fn) => ({
      id: fn.id,
      name: fn.name,
      events: fn.eventTriggers.map((t) => t.event),
      crons: crons.filter((c) => c.fnId === fn.id).map((c) => ({ cron: c.cron, nextAt: c.nextAt })),
      maxAttempts: fn.maxAttempts,
      concurrency: fn.concurrency?.limit ?? null,
    })),
  };
}
