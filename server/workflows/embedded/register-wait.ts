import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { wfWaits } from "@/db/schema";
import { fileShapesCte } from "./match-shapes";
import { SCAN_KEY, waitKeyOf } from "./wait-keys";

type TWait = Pick<typeof wfWaits.$inferInsert, "runId" | "stepId" | "eventName" | "expression" | "createdAt" | "expiresAt">;

/** Files an open wait under its key (and its shape, when new), in one statement. Returns whether it is matched by scan. */
export async function registerWait(tx: Tx, wait: TWait, runEvent: unknown): Promise<{ matchedByScan: boolean }> {
  const keyed = waitKeyOf(wait.expression, runEvent);
  if (!keyed) {
    await tx.insert(wfWaits).values({ ...wait, matchKey: SCAN_KEY, matchedByScan: true });
    return { matchedByScan: true };
  }
  await tx.execute(sql`with shape as (${fileShapesCte([{ eventName: wait.eventName, shape: keyed.shape }])})
    insert into wf_waits (run_id, step_id, event_name, expression, created_at, expires_at, match_key, matched_by_scan)
    values (${wait.runId}, ${wait.stepId}, ${wait.eventName}, ${wait.expression ?? null}, ${wait.createdAt.toISOString()}::timestamptz, ${wait.expiresAt.toISOString()}::timestamptz, ${keyed.key}, false)`);
  return { matchedByScan: false };
}
