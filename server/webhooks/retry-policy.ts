/**
 * When a failed delivery is tried again: after 1 min, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * (8 attempts over about 28 hours); then it is failed for good (replay it from the log).
 */
export const RETRY_DELAYS_S = [60, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

/** An endpoint that has failed every attempt for this long (no success between) is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3600 * 1000;

/** The next attempt's time after `attempts` failed ones, or null when none is left. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_S[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}
