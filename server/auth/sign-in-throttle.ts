import { inArray, lt, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInAttempts } from "@/db/schema";

/** Attempts allowed per email address, and per client address across all emails, per window. */
export const MAX_FAILURES = 5;
export const MAX_FAILURES_PER_IP = 20;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export interface TThrottleKeys {
  account: string;
  ip: string | null;
}

export function throttleKeys(email: string, ip: string | null): TThrottleKeys {
  return { account: `email:${email}`, ip: ip ? `ip:${ip}` : null };
}

const keyList = (keys: TThrottleKeys) => (keys.ip ? [keys.account, keys.ip] : [keys.account]);
const limitOf = (key: string) => (key.startsWith("ip:") ? MAX_FAILURES_PER_IP : MAX_FAILURES);

/**
 * Counts this attempt for the account and the client address, and says whether it may be
 * checked. One upsert increments and returns the counts (the row lock orders parallel
 * attempts), so N attempts in parallel get N distinct counts and at most the limit pass.
 * A window starts at its first attempt and ends FAILURE_WINDOW_MS later.
 */
export async function reserveAttempt(keys: TThrottleKeys, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const expired = sql`${signInAttempts.windowStartedAt} <= ${new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()}::timestamptz`;
  const rows = await db
    .insert(signInAttempts)
    .values(keyList(keys).map((key) => ({ key, attempts: 1, windowStartedAt: now })))
    .onConflictDoUpdate({
      target: signInAttempts.key,
      set: {
        attempts: sql`CASE WHEN ${expired} THEN 1 ELSE ${signInAttempts.attempts} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${expired} THEN ${now.toISOString()}::timestamptz ELSE ${signInAttempts.windowStartedAt} END`,
      },
    })
    .returning({ key: signInAttempts.key, attempts: signInAttempts.attempts });
  return rows.length > 0 && rows.every((row) => row.attempts <= limitOf(row.key));
}

/**
 * After a right password: the account starts afresh, and the address gets back the attempt
 * it spent (so failures are what an address accumulates, not sign-ins).
 */
export async function releaseAttempt(keys: TThrottleKeys): Promise<void> {
  const db = await getDb();
  await db
    .update(signInAttempts)
    .set({ attempts: sql`CASE WHEN ${signInAttempts.key} = ${keys.account} THEN 0 ELSE greatest(${signInAttempts.attempts} - 1, 0) END` })
    .where(inArray(signInAttempts.key, keyList(keys)));
}

/** Windows that ended before `now`: their rows no longer refuse anything. */
export async function pruneAttempts(now = new Date()): Promise<number> {
  const db = await getDb();
  const rows = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.windowStartedAt, new Date(now.getTime() - FAILURE_WINDOW_MS)))
    .returning({ key: signInAttempts.key });
  return rows.length;
}
