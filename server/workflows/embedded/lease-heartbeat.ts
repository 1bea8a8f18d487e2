import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { wfJobs } from "@/db/schema";
import { log } from "@/server/observability/logger";
import type { TClock } from "./clock";

/**
 * Renews the leases of the jobs this process is working on, every `everyMs` of real time,
 * so a lease can be short: a live worker keeps its jobs through a long `step.run`, and the
 * jobs of a dead one (kill -9) are claimed by another process when one lease has passed.
 */
export class LeaseHeartbeat {
  private readonly held = new Set<number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly options: { db: Db; clock: TClock; workerId: string; leaseMs: number; everyMs: number },
  ) {}

  hold(jobId: number): void {
    this.held.add(jobId);
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat().catch((error: unknown) => log().error({ err: error }, "workflows: lease heartbeat failed")), this.options.everyMs);
    this.timer.unref?.();
  }

  release(jobId: number): void {
    this.held.delete(jobId);
    if (this.held.size > 0 || !this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
  }

  /** Extends the held leases still ours. A job locked right now is being finished: skipped, never waited for. */
  async beat(): Promise<number> {
    if (this.held.size === 0) return 0;
    const { db, clock, workerId, leaseMs } = this.options;
    const held = [...this.held];
    // In a transaction of its own: PGlite runs a plain statement in between the statements of
    // an open transaction of the same process, where a transaction waits for its turn.
    const renewed = await db.transaction(async (tx) => {
      const mine = tx
        .select({ id: wfJobs.id })
        .from(wfJobs)
        .where(and(inArray(wfJobs.id, held), eq(wfJobs.lockedBy, workerId), isNull(wfJobs.doneAt)))
        .for("update", { skipLocked: true });
      return tx
        .update(wfJobs)
        .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
        .where(inArray(wfJobs.id, mine))
        .returning({ id: wfJobs.id });
    });
    return renewed.length;
  }
}
