import type { InngestFunction } from "inngest";
import type { Db } from "@/db/client";
import { backoffMs, type TInvoker } from "./call-function";
import { claimJobs, nextDueAt } from "./claim-jobs";
import { realClock, VirtualClock, type TClock } from "./clock";
import type { TExecutorContext, TIncomingEvent } from "./context";
import { fireDueCrons, nextCronAt, scheduleCrons } from "./cron";
import { parseDuration } from "./durations";
import { registerFunctions } from "./function-registry";
import { ingestEvents } from "./ingest-events";
import { failRunOnExecutorError, isDatabaseError, processJob } from "./process-job";

export interface TExecutorOptions {
  db: Db;
  functions: readonly InngestFunction.Any[];
  appId: string;
  invoke: TInvoker;
  clock?: TClock;
  workerId?: string;
  leaseMs?: number;
  /** Jobs processed at once by this process. */
  parallelism?: number;
  pollMs?: number;
  backoff?: (attempt: number) => number;
}

/**
 * Runs Inngest functions without an Inngest server: events in, runs advanced job by job
 * through the official serve handler, state in Postgres. Several processes may share one
 * database: jobs are claimed with SKIP LOCKED and a lease.
 */
export class EmbeddedExecutor {
  readonly ctx: TExecutorContext;
  private readonly parallelism: number;
  private readonly pollMs: number;
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<number> | null = null;
  private ready: Promise<void>;

  constructor(options: TExecutorOptions) {
    this.ctx = {
      db: options.db,
      clock: options.clock ?? realClock,
      registry: registerFunctions(options.functions, options.appId),
      invoke: options.invoke,
      workerId: options.workerId ?? `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      backoff: options.backoff ?? backoffMs,
      emit: (events) => this.send(events),
    };
    this.parallelism = options.parallelism ?? 8;
    this.pollMs = options.pollMs ?? 250;
    this.ready = scheduleCrons(this.ctx);
  }

  get clock(): TClock {
    return this.ctx.clock;
  }

  async send(events: TIncomingEvent | TIncomingEvent[]): Promise<string[]> {
    await this.ready;
    const ids = await ingestEvents(this.ctx, Array.isArray(events) ? events : [events]);
    this.wake();
    return ids;
  }

  /** Fires due crons and processes one batch of due jobs; returns how many it handled. */
  async tick(): Promise<number> {
    await this.ready;
    const fired = await fireDueCrons(this.ctx);
    const jobs = await claimJobs(this.ctx, this.parallelism);
    await Promise.all(
      jobs.map((job) =>
        processJob(this.ctx, job).catch(async (error: unknown) => {
          console.error(`[workflows] job ${job.id} of run ${job.runId} failed in the executor:`, error);
          // A database error leaves the job to be claimed again when its lease ends; any other
          // error would repeat on every attempt, so the run fails with it instead.
          if (!isDatabaseError(error)) await failRunOnExecutorError(this.ctx, job, error).catch(() => {});
        }),
      ),
    );
    return fired + jobs.length;
  }

  /** Processes everything due now, including work that processing makes due. */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.tick(); n > 0; n = await this.tick()) total += n;
    return total;
  }

  /** Virtual clock only: moves time forward, handling due jobs and crons in time order. */
  async advance(duration: string | number): Promise<void> {
    const clock = this.ctx.clock;
    if (!(clock instanceof VirtualClock)) throw new Error("advance() needs a VirtualClock");
    const target = clock.now().getTime() + parseDuration(duration);
    await this.drain();
    for (;;) {
      const next = [await nextDueAt(this.ctx), await nextCronAt(this.ctx)]
        .filter((d): d is Date => d !== null && d.getTime() <= target)
        .sort((a, b) => a.getTime() - b.getTime())[0];
      if (!next) break;
      const stuck = next.getTime() <= clock.now().getTime();
      clock.set(next);
      if ((await this.drain()) === 0 && stuck) throw new Error(`Work due at ${next.toISOString()} cannot be claimed`);
    }
    clock.set(new Date(target));
    await this.drain();
  }

  /** Polls for due work until stop(); send() also wakes it at once. */
  start(): void {
    if (this.timer) return;
    const loop = async () => {
      await this.runTick();
      if (this.timer) this.timer = setTimeout(loop, this.pollMs);
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.ticking;
  }

  /** Looks for due work now rather than at the next poll. */
  wake(): void {
    if (this.timer) void this.runTick();
  }

  private async runTick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = (async () => {
      let total = 0;
      try {
        for (let n = await this.tick(); n > 0; n = await this.tick()) total += n;
      } catch (error) {
        console.error("[workflows] executor tick failed:", error);
      }
      return total;
    })();
    await this.ticking;
    this.ticking = null;
  }
}
