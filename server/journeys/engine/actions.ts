import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profiles } from "@/db/schema";
import { ChannelError, guardedFetch } from "@/plugins/sdk";
import { addListMembers, lockList, removeListMembers } from "@/server/audiences/list-members";
import { renderLiquid } from "@/server/messaging/liquid";
import { sendMessage } from "@/server/messaging/send-message";
import { observeAttributeTypes } from "@/server/profiles/attribute-types";
import type { TNodeData } from "../graph/nodes";

export interface TRunScope {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  enrollmentId: string;
  profileId: string;
  test: boolean;
  /** The business event that started the run ({{ event.* }} in messages and webhooks). */
  trigger: Record<string, unknown>;
}

/** One message through the sending pipeline, keyed by enrollment and node: a retry sends nothing twice. */
export async function sendJourneyMessage(run: TRunScope, nodeId: string, data: TNodeData<"message">) {
  const outcome = await sendMessage({
    workspaceId: run.workspaceId,
    kind: data.kind,
    profileId: run.profileId,
    configurationId: data.configurationId ?? null,
    content: data.content,
    cacheKey: `journey:${run.versionId}:${nodeId}`,
    source: { type: "journey", id: run.journeyId, stepId: nodeId },
    idempotencyKey: `journey:${run.enrollmentId}:${nodeId}`,
    event: run.trigger,
    isTest: run.test,
    capExempt: Boolean(data.capExempt),
    topicId: data.topicId ?? null,
  });
  return { messageId: outcome.messageId, status: outcome.status, error: outcome.error ?? null, deferredUntil: outcome.deferredUntil ? new Date(outcome.deferredUntil).toISOString() : null };
}

export async function updateAttribute(run: TRunScope, data: TNodeData<"update_attribute">) {
  const db = await getDb();
  const value = typeof data.value === "string" ? renderLiquid(data.value, { event: run.trigger }) : data.value;
  await db.transaction(async (tx) => {
    const after = await observeAttributeTypes(tx, run.workspaceId, { [data.key]: value });
    await tx
      .update(profiles)
      .set({ attributes: sql`${profiles.attributes} || ${JSON.stringify({ [data.key]: value })}::jsonb`, updatedAt: new Date() })
      .where(and(eq(profiles.id, run.profileId), eq(profiles.workspaceId, run.workspaceId)));
    after();
  });
  return { key: data.key, value };
}

export async function changeList(run: TRunScope, data: TNodeData<"list">) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockList(tx, run.workspaceId, data.listId);
    const changed = data.action === "add" ? await addListMembers(tx, run.workspaceId, data.listId, [run.profileId]) : await removeListMembers(tx, run.workspaceId, data.listId, [run.profileId]);
    return { action: data.action, listId: data.listId, changed };
  });
}

/**
 * Through the plugin SDK's guardedFetch (public addresses only, no redirect followed).
 * Retryable (thrown) on network errors and 5xx/429; a 4xx is the receiver's final answer,
 * and so is a refused address (status null): retrying would not change it.
 */
export async function callWebhook(run: TRunScope, nodeId: string, data: TNodeData<"webhook">) {
  const db = await getDb();
  const [p] = await db.select({ attributes: profiles.attributes }).from(profiles).where(eq(profiles.id, run.profileId));
  const scope = { profile: { ...(p?.attributes ?? {}), id: run.profileId }, event: run.trigger };
  const body = data.method === "GET" ? undefined : data.body ? renderLiquid(data.body, scope) : JSON.stringify({ profileId: run.profileId, journeyId: run.journeyId, nodeId, event: run.trigger });
  const headers = { "content-type": "application/json", "idempotency-key": `journey:${run.enrollmentId}:${nodeId}`, "user-agent": "Parcours-Journeys/1" };
  let status: number;
  try {
    ({ status } = await guardedFetch(data.url, { method: data.method, body, headers, timeoutMs: 10_000 }, "Webhook"));
  } catch (error) {
    if (error instanceof ChannelError && !error.retryable) return { status: null, ok: false, error: error.message };
    throw error;
  }
  if (status >= 500 || status === 429) throw new Error(`Webhook answered ${status}`);
  return { status, ok: status >= 200 && status < 300 };
}
