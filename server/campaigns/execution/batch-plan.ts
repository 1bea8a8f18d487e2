/** Positions per batch step without a rate (4 groups of 500 for sendBatch: a second or two); also the cap with one. */
const BATCH = 2_000;
/** A run stays well under the step limits of Inngest (1,000 steps): big audiences get bigger batches. */
const MAX_BATCHES = 300;

/**
 * How an execution is cut into batch steps: `size` recipients per step and, with a rate, the
 * time window each batch fills (the function sleeps what is left of it).
 */
export function batchPlan(targeted: number, ratePerSecond: number | null): { size: number; windowMs: number } {
  const base = ratePerSecond ? Math.min(BATCH, Math.max(1, ratePerSecond * 5)) : BATCH;
  const size = Math.max(base, Math.ceil(targeted / MAX_BATCHES));
  return { size, windowMs: ratePerSecond ? Math.ceil((size / ratePerSecond) * 1000) : 0 };
}
