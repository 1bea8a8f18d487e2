import { and, eq, inArray, isNull } from "drizzle-orm";
import type { InngestFunction } from "inngest";
import type { Db } from "@/db/client";
import { wfJobs } from "@/db/schema";
import { log } from "@/server/observability/logger";
import { backoffMs, type TInvoker } from "./call-function";
import { claimJobs, nextDueAt, type TClaimedJob } from "./claim-jobs";
import { realClock, VirtualClock, type TClock } from "./clock";
import type { TExecutorContext, TIncomingEvent } from "./context";
import { fireDueCrons, nextCronAt, scheduleCrons } from "./cron";
import { parseDuration } from "./durations";
import { registerFunctions } from "./function-registry";
import { ingestEvents, namesWithOpenWaits, startsOrCancels } from "./ingest-events";
import { flushBatches } from "./batch-events";
import { LeaseHeartbeat } from "./lease-heartbeat";
import { commitTogether } from "./commit-together";
import { processJob } from "./process-job";
import { failRunOnExecutorError, isDatabaseError } from "./run-failure";

// A loop claims up to this many times its parallelism at once; the rest wait their turn, leased.
const PAGE_FACTOR = 4;
// A dead worker's jobs are taken over this long after its last heartbeat.
const DEFAULT_LEASE_MS = 20_000;

export interface TExecutorOptions {
  db: Db;
  functions: readonly InngestFunction.Any[];
  appId: string;
  invoke: TInvoker;
  clock?: TClock;
  workerId?: string;
  /** How long a claimed job stays ours without a heartbeat; renewed every quarter of it while we work on it. */
  leaseMs?: number;
  /** Real milliseconds between lease renewals (default a quarter of the lease). */
  heartbeatMs?: number;
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
  private ready: Promise<void>;

  constructor(options: TExecutorOptions) {
    const clock = options.clock ?? realClock;
    const workerId = options.workerId ?? `worker-${process.pid}-${crypto.randomUUID().slice(0, 8)}`;
    const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
    this.ctx = {
      db: options.db,
      clock,
      registry: registerFunctions(options.functions, options.appId),
      invoke: options.invoke,
      workerId,
      leaseMs,
      leases: new LeaseHeartbeat({ db: options.db, clock, workerId, leaseMs, everyMs: options.heartbeatMs ?? leaseMs / 4 }),
      commits: commitTogether(options.db, workerId),
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
    const { ids, queued } = await ingestEvents(this.ctx, Array.isArray(events) ? events : [events]);
    if (queued) this.wake();
    return ids;
  }

  /** Whether an event of this name can change anything now: a function starts or cancels on it, or a run waits for it. */
  async hears(name: string): Promise<boolean> {
    await this.ready;
    return startsOrCancels(this.ctx, name) || (await namesWithOpenWaits(this.ctx.db, [name], this.ctx.clock.now())).size > 0;
  }

  /** Fires due crons and processes one batch of due jobs; returns how many it handled. */
  async tick(): Promise<number> {
    await this.ready;
    const fired = await fireDueCrons(this.ctx);
    const jobs = await claimJobs(this.ctx, this.parallelism);
    await Promise.all(jobs.map((job) => this.process(job)));
    return fired + jobs.length;
  }

  /** Processes everything due now, including work that processing makes due, and every batch still collecting events. */
  async drain(): Promise<number> {
    await this.ready;
    let total = 0;
    // A run may open a batch (an event it sends): closed too, until nothing is left to run.
    for (;;) {
      const flushed = await flushBatches(this.ctx.db, this.ctx.clock.now());
      let ran = 0;
      for (let n = await this.tick(); n > 0; n = await this.tick()) ran += n;
      total += ran;
      if (ran === 0 && flushed === 0) return total;
    }
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

  /**
   * Keeps up to `parallelism` jobs in flight until stop(): claims as slots free up, polls
   * every `pollMs` when idle, and wakes at once on send().
   */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.pump();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.signal();
    await this.loop;
    await this.releaseClaimed();
    await Promise.all(this.inFlight);
  }

  /** Looks for due work now rather than at the next poll. */
  wake(): void {
    this.signal();
  }

  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly claimed: TClaimedJob[] = [];
  private notify: (() => void) | null = null;
  private lastCronCheck = 0;

  private signal(): void {
    this.notify?.();
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.notify = done;
    });
  }

  private async pump(): Promise<void> {
    await this.ready;
    while (this.running) {
      try {
        if (Date.now() - this.lastCronCheck >= this.pollMs) {
          this.lastCronCheck = Date.now();
          await fireDueCrons(this.ctx);
        }
        const free = this.parallelism - this.inFlight.size;
        const claimed = free > this.claimed.length ? await this.claimPage() : 0;
        const started = this.claimed.splice(0, Math.max(0, this.parallelism - this.inFlight.size));
        for (const job of started) {
          const work = this.process(job).finally(() => {
            this.ctx.leases.release(job.id);
            this.inFlight.delete(work);
            this.signal();
          });
          this.inFlight.add(work);
        }
        if ((claimed === 0 && started.length === 0) || this.inFlight.size >= this.parallelism) await this.idle(this.pollMs);
      } catch (error) {
        log().error({ err: error }, "workflows: executor loop failed");
        await this.idle(this.pollMs * 4);
      }
    }
  }

  /**
   * Claims a page of due jobs (PAGE_FACTOR × parallelism) in one statement, so a burst of due
   * work is claimed in pages rather than a statement per job. Waiting jobs keep their leases
   * renewed like the ones in progress.
   */
  private async claimPage(): Promise<number> {
    const jobs = await claimJobs(this.ctx, this.parallelism * PAGE_FACTOR - this.claimed.length);
    for (const job of jobs) this.ctx.leases.hold(job.id);
    this.claimed.push(...jobs);
    return jobs.length;
  }

  /** Jobs claimed but not started when the loop stops go back to the queue at once. */
  private async releaseClaimed(): Promise<void> {
    const ids = this.claimed.splice(0).map((job) => job.id);
    for (const id of ids) this.ctx.leases.release(id);
    if (ids.length > 0) await this.ctx.db.update(wfJobs).set({ lockedUntil: null, lockedBy: null }).where(and(inArray(wfJobs.id, ids), eq(wfJobs.lockedBy, this.ctx.workerId), isNull(wfJobs.doneAt)));
  }

  private async process(job: TClaimedJob): Promise<void> {
    try {
      await processJob(this.ctx, job);
    } catch (error) {
      log().error({ err: error, jobId: job.id, runId: job.runId }, "workflows: job failed in the executor");
      // A database error leaves the job to be claimed again when its lease ends; any other
      // error would repeat on every attempt, so the run fails with it instead.
      if (!isDatabaseError(error)) await failRunOnExecutorError(this.ctx, job, error).catch(() => {});
    }
  }
}
