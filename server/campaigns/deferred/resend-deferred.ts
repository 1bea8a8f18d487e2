import type { z } from "zod";
import { getDb } from "@/db/client";
import { expireMessages } from "@/server/messaging/expire-messages";
import { sendMessages } from "@/server/messaging/send-messages";
import { workflowNow } from "@/server/workflows/embedded/clock";
import type { messagesDeferred } from "@/server/workflows/events";
import { deferredKeyOf, resolveDeferredSource, sendTargetOf, type TDeferredTarget } from "./deferred-source";
import { publishDeferred } from "./publish-deferred";

export type TDeferredData = z.output<(typeof messagesDeferred)["schema"]>;

/** Recipients per sendMessages call, as a campaign batch's groups. */
const GROUP = 500;
/** A paused campaign's deferred messages look again this often (until they expire). */
const HOLD_MS = 15 * 60_000;

/**
 * Sends a group of deferred messages again, now that they are due, through the pipeline with
 * their first send's keys: the claim takes each back (deferred and due), the policies run on
 * the executor's clock. Still deferred (quiet hours again, a cap still full) or in another
 * worker's hands: handed on to a follow-up run; past `expiresAt`: expired. A stopped campaign's
 * are expired; a paused one's wait. A retryable provider error is thrown once the rest is
 * stored and handed on (the step retries; what went is found by its key).
 */
export async function resendDeferred(data: TDeferredData): Promise<{ settled: number; expired: number; later: number }> {
  const { workspaceId, source, targets } = data;
  const now = workflowNow();
  const expiresAt = new Date(data.expiresAt);
  const expired = now >= expiresAt;
  const db = await getDb();
  const expire = (list: TDeferredTarget[], reason: string) => expireMessages(db, workspaceId, { keys: list.map((t) => deferredKeyOf(source, t)) }, reason);
  const follow = (items: { until: Date; target: TDeferredTarget }[]) => publishDeferred(workspaceId, source, items, { expiresAt, scope: data.due });

  const resolved = await resolveDeferredSource(workspaceId, source);
  if (resolved.state === "stop") return { settled: 0, expired: (await expire(targets, resolved.reason)).length, later: 0 };
  if (resolved.state === "hold") {
    if (expired) return { settled: 0, expired: (await expire(targets, "Expired while the campaign was paused")).length, later: 0 };
    await follow(targets.map((target) => ({ until: new Date(now.getTime() + HOLD_MS), target })));
    return { settled: 0, expired: 0, later: targets.length };
  }
  let settled = 0;
  let failure: Error | null = null;
  const late: TDeferredTarget[] = [];
  const later: { until: Date; target: TDeferredTarget }[] = [];
  for (let i = 0; i < targets.length; i += GROUP) {
    const group = targets.slice(i, i + GROUP);
    const result = await sendMessages({ ...resolved.shared, targets: group.map(sendTargetOf) });
    failure ??= result.retryable;
    result.outcomes.forEach((outcome, n) => {
      const target = group[n]!;
      if (!outcome) later.push({ until: result.heldUntil ?? now, target });
      else if (outcome.status !== "deferred") settled += 1;
      else if (expired) late.push(target);
      else later.push({ until: outcome.deferredUntil ?? now, target });
    });
  }
  const gone = late.length ? await expire(late, "Not sent before the deferral expired") : [];
  await follow(later);
  if (failure) throw failure;
  return { settled, expired: gone.length, later: later.length };
}
