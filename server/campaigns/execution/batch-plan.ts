/** Positions per batch step without a rate, to start with (4 groups of 500 for sendBatch); also the cap with one. */
const BATCH = 2_000;
/** A run stays well under the step limits of Inngest (1,000 steps): big audiences get bigger batches. */
const MAX_BATCHES = 300;
/** What an unthrottled batch step aims to last once the send's speed is known. */
const STEP_MS = 3_000;
/** The largest unthrottled batch step: its recipients' rows are read at once. */
const MAX_BATCH = 20_000;

/** With a rate, `windowMs` is the time each batch fills; without one (0), each batch is sized from the speed of the one before (nextBatchSize). */
export interface TBatchPlan {
  size: number;
  windowMs: number;
}

/**
 * How an execution is cut into batch steps: `size` recipients per step and, with a rate, the
 * time window each batch fills (the function sleeps what is left of it).
 */
export function batchPlan(targeted: number, ratePerSecond: number | null): TBatchPlan {
  const base = ratePerSecond ? Math.min(BATCH, Math.max(1, ratePerSecond * 5)) : BATCH;
  const size = Math.max(base, Math.ceil(targeted / MAX_BATCHES));
  return { size, windowMs: ratePerSecond ? Math.ceil((size / ratePerSecond) * 1000) : 0 };
}

/**
 * The next unthrottled batch: about 3 s of sending at the speed the last batch reached,
 * between the plan's size and 20,000. Each step ends with the groups still in flight and
 * starts with a replay of the run, so a campaign of 2,000-recipient steps spent ~25% of its
 * time between steps; a step's length does not delay a stop (checked before each group).
 */
export function nextBatchSize(plan: TBatchPlan, sent: number, ms: number): number {
  if (plan.windowMs > 0 || sent <= 0 || ms <= 0) return plan.size;
  return Math.min(Math.max(plan.size, MAX_BATCH), Math.max(plan.size, Math.round(((sent / ms) * STEP_MS) / 500) * 500));
}
