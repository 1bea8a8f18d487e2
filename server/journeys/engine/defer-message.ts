import { getDb } from "@/db/client";
import { expireMessages } from "@/server/messaging/expire-messages";
import { getMessagingSettings } from "@/server/messaging/messaging-settings";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { durationMs } from "../graph/model";
import type { TNodeData } from "../graph/nodes";
import { sendJourneyMessage, type TRunScope } from "./actions";
import type { TNodeCall, TNodeResult } from "./run-node";
import { loadEnrollment } from "./trace";
import { versionSettings } from "./version-cache";

/** Whether a message of this workspace can be deferred at all: quiet hours or a frequency cap are set. */
export async function messagesMayWait(workspaceId: string): Promise<boolean> {
  const settings = await getMessagingSettings(workspaceId);
  return Boolean(settings.quietHours || settings.frequencyCap || Object.keys(settings.channelCaps).length);
}

/** A profile at a message step whose message was deferred: when to look again, and when to give up. */
export type TDeferredWait = { target: string; now: string; messageId: string; expiresAt: string; scheduled?: boolean };

/** The wait a deferred message puts its profile in: until it is due, at most until the journey's deferredExpiry runs out. */
export async function deferredWait(versionId: string, messageId: string, until: string): Promise<TDeferredWait> {
  const now = workflowNow();
  const { deferredExpiry } = await versionSettings(versionId);
  const expiresAt = new Date(now.getTime() + durationMs(deferredExpiry));
  return { target: new Date(Math.min(Date.parse(until), expiresAt.getTime())).toISOString(), now: now.toISOString(), messageId, expiresAt: expiresAt.toISOString() };
}

/**
 * Sends the step's message again (same key: the claim takes it back once due); still deferred
 * at its expiry: expired. A profile that left the journey meanwhile (an exit event) gets
 * nothing: its message expires.
 */
export async function resendJourneyMessage(run: TRunScope, nodeId: string, data: TNodeData<"message">, expiresAt: string, messageId: string) {
  if ((await loadEnrollment(run.enrollmentId))?.status !== "active") {
    await expireMessages(await getDb(), run.workspaceId, { ids: [messageId] }, "The profile left the journey before the message could go");
    return { messageId, status: "expired" as const, error: null, deferredUntil: null };
  }
  const sent = await sendJourneyMessage(run, nodeId, data);
  if (sent.status !== "deferred" || workflowNow() < new Date(expiresAt)) return sent;
  await expireMessages(await getDb(), run.workspaceId, { ids: [sent.messageId] }, "Still deferred when the journey's expiry for deferred messages ran out");
  return { ...sent, status: "expired" as const, deferredUntil: null };
}

/**
 * The profile waits at its message step (the trace shows it there) until the message goes:
 * sleeps until it is due, sends again; deferred again, sleeps again. At the expiry a message
 * still deferred is expired, the step's outcome is "expired", and the profile goes on.
 */
export async function awaitDeferred(c: TNodeCall, wait: TDeferredWait): Promise<TNodeResult> {
  const { step, run, node } = c;
  const data = c.data as TNodeData<"message">;
  let target = wait.target;
  for (let k = 1; ; k++) {
    // A run handed over at this wait was started when it is due (enroll.ts): nothing to sleep first.
    if (k > 1 || !wait.scheduled) await step.sleepUntil(`defer:${node.id}:${k}`, new Date(Math.min(Date.parse(target), Date.parse(wait.expiresAt))));
    const sent = (await step.run(`resend:${node.id}:${k}`, () => resendJourneyMessage(run, node.id, data, wait.expiresAt, wait.messageId))) as Awaited<ReturnType<typeof resendJourneyMessage>>;
    if (sent.status !== "deferred" || !sent.deferredUntil) return { handle: "next", outcome: sent.status, detail: { messageId: sent.messageId, ...(sent.error ? { error: sent.error } : {}) } };
    target = sent.deferredUntil;
  }
}
