import { sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { TMemo } from "@/db/schema/workflows";
import type { TExecutorContext } from "./context";

/** What a call needs of its run. */
export interface TRunSnapshot {
  id: string;
  fnId: string;
  status: string;
  event: Record<string, unknown>;
  events: Record<string, unknown>[] | null;
  steps: Record<string, TMemo>;
  stack: string[];
  maxAttempts: number;
  disableImmediateExecution: boolean;
  batchOpenUntil: Date | null;
}

export async function readRun(db: DbOrTx, runId: string): Promise<TRunSnapshot | undefined> {
  const [row] = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select id, fn_id, status, event, events, steps, stack, max_attempts, disable_immediate_execution, batch_open_until
      from wf_runs where id = ${runId}::uuid`),
  );
  return row ? snapshotOf(row) : undefined;
}

/** A run snapshot from a row of wf_runs columns, whose names may carry a prefix (a join's). */
export function snapshotOf(row: Record<string, unknown>, prefix = ""): TRunSnapshot {
  const batchOpenUntil = row[`${prefix}batch_open_until`];
  return {
    id: row[`${prefix}id`] as string,
    fnId: row[`${prefix}fn_id`] as string,
    status: row[`${prefix}status`] as string,
    event: json(row[`${prefix}event`]),
    events: json(row[`${prefix}events`]),
    steps: json(row[`${prefix}steps`]),
    stack: json(row[`${prefix}stack`]),
    maxAttempts: Number(row[`${prefix}max_attempts`]),
    disableImmediateExecution: Boolean(row[`${prefix}disable_immediate_execution`]),
    batchOpenUntil: batchOpenUntil ? new Date(batchOpenUntil as string) : null,
  };
}

/** The run as the call's answer finds it, locked: without its steps, only which of `stepIds` are memoized already. */
export interface TLockedRun {
  status: string;
  /** How many steps are memoized (the stack's length). */
  depth: number;
  disableImmediateExecution: boolean;
  known: Set<string>;
}

/**
 * Locks the run, then marks the job done if this worker still holds its lease. Null when
 * it does not (the lease ran out and another worker took the job: what we have is void).
 * One statement, run before job like every other transaction that takes both.
 */
export async function lockRunForJob(tx: Tx, ctx: TExecutorContext, jobId: number, runId: string, stepIds: string[]): Promise<TLockedRun | null> {
  const [row] = rowsOf<{ status: string; depth: number; die: boolean; known: string[] | string; mine: number }>(
    await tx.execute(sql`
      with run as (
        select status, jsonb_array_length(stack) as depth, disable_immediate_execution as die,
          (select coalesce(jsonb_agg(k), '[]') from jsonb_array_elements_text(${JSON.stringify(stepIds)}::jsonb) k where steps ? k) as known
        from wf_runs where id = ${runId}::uuid for update
      ), job as (
        update wf_jobs set done_at = ${ctx.clock.now().toISOString()}::timestamptz
        where id = ${jobId} and locked_by = ${ctx.workerId} and done_at is null and exists (select 1 from run)
        returning id
      )
      select run.*, (select count(*)::int from job) as mine from run`),
  );
  if (!row || Number(row.mine) === 0) return null;
  return { status: row.status, depth: Number(row.depth), disableImmediateExecution: Boolean(row.die), known: new Set(json<string[]>(row.known)) };
}

function json<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
