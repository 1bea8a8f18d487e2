import type { Db } from "@/db/client";
import type { TInvoker } from "./call-function";
import type { TClock } from "./clock";
import type { TCommit } from "./commit-together";
import type { TRegisteredFunction } from "./function-registry";

/** What every part of the executor needs: the database, the clock, the functions. */
export interface TExecutorContext {
  db: Db;
  clock: TClock;
  registry: Map<string, TRegisteredFunction>;
  invoke: TInvoker;
  workerId: string;
  leaseMs: number;
  /** The jobs this process works on, whose leases it renews until released (lease-heartbeat.ts). */
  leases: { hold(jobId: number): void; release(jobId: number): void };
  /** Writes a call that closes its run or continues it on its own job row, with the others that finish meanwhile (commit-together.ts); whether it applied. */
  commits: (item: TCommit) => Promise<boolean>;
  /** Set by a graceful stop (worker/stop-executor.ts): a run's next call goes back to the queue instead of on in this process. */
  stopping?: boolean;
  /** Delay before retry number `attempt + 1` (tests make it 0). */
  backoff: (attempt: number) => number;
  /** Events produced by the executor itself (function.failed) go through here. */
  emit: (events: TIncomingEvent[]) => Promise<string[]>;
}

export interface TIncomingEvent {
  name: string;
  data?: Record<string, unknown>;
  id?: string;
  ts?: number;
  user?: Record<string, unknown>;
  v?: string;
}

export interface TStoredEvent {
  name: string;
  data: Record<string, unknown>;
  id: string;
  ts: number;
  user?: Record<string, unknown>;
  v?: string;
}
