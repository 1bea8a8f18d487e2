import { Cron } from "croner";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { wfCron } from "@/db/schema";
import type { TExecutorContext } from "./context";
import { createRun } from "./create-run";
import { transaction } from "@/db/transaction";

/** "TZ=Europe/Paris 0 9 * * 1" -> the next time after `from`, in that zone. */
export function nextCronTime(spec: string, from: Date): Date {
  const match = /^(?:(?:TZ|CRON_TZ)=(\S+)\s+)?(.+)$/.exec(spec.trim());
  const timezone = match?.[1];
  const expression = match?.[2] ?? spec;
  const next = new Cron(expression, { timezone, paused: true }).nextRun(from);
  if (!next) throw new Error(`Cron "${spec}" never fires`);
  return next;
}

/** Records each cron trigger's next time; an existing schedule is kept across restarts. */
export async function scheduleCrons(ctx: TExecutorContext): Promise<void> {
  const now = ctx.clock.now();
  for (const fn of ctx.registry.values()) {
    for (const cron of fn.crons) {
      await ctx.db.insert(wfCron).values({ fnId: fn.id, cron, nextAt: nextCronTime(cron, now) }).onConflictDoNothing();
    }
  }
}

/** Starts a run for every due cron (event `inngest/scheduled.timer`) and moves it on. */
export async function fireDueCrons(ctx: TExecutorContext): Promise<number> {
  const now = ctx.clock.now();
  return transaction(ctx.db, async (tx) => {
    const due = await tx.select().from(wfCron).where(lte(wfCron.nextAt, now)).orderBy(asc(wfCron.nextAt)).for("update", { skipLocked: true });
    let fired = 0;
    for (const row of due) {
      const fn = ctx.registry.get(row.fnId);
      if (fn) {
        const event = { name: "inngest/scheduled.timer", data: { cron: row.cron }, id: `cron-${row.fnId}-${row.nextAt.getTime()}`, ts: row.nextAt.getTime() };
        await createRun(tx, fn, event, now);
        fired++;
      }
      // Missed occurrences are not replayed: the next time is after `now`, as on Inngest.
      const next = nextCronTime(row.cron, new Date(Math.max(now.getTime(), row.nextAt.getTime())));
      await tx.update(wfCron).set({ nextAt: next }).where(and(eq(wfCron.fnId, row.fnId), eq(wfCron.cron, row.cron)));
    }
    return fired;
  });
}

export async function nextCronAt(ctx: TExecutorContext): Promise<Date | null> {
  const [row] = await ctx.db.select({ at: sql<string | Date | null>`min(${wfCron.nextAt})` }).from(wfCron);
  return row?.at ? new Date(row.at) : null;
}
