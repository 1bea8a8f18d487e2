import { getDb, type Db } from "@/db/client";
import type { TMessageSource, TMessageStatus } from "@/db/schema";
import { ChannelError, CORE_KINDS } from "@/plugins/sdk";
import { pluginOf, resolveConfiguration, senderFor } from "@/server/channels/configurations";
import { claimMessages, releaseClaims } from "./claim-message";
import { deliverAll } from "./deliver";
import type { TMessageRow } from "./message-events";
import { checkPolicies } from "./policy";
import { prepareMessages, renderMessages, type TClaimed, type TPrepared } from "./prepare-messages";
import { recordResults, type TMessageResult } from "./record-results";
import { keepContent } from "./content-refs";
import { workflowNow } from "@/server/workflows/embedded/clock";
import { withBrand } from "@/server/email-design/with-brand";

/** What every message of one send shares: where it comes from, the channel, the content. */
export interface TSendShared {
  workspaceId: string;
  kind: string;
  configurationId?: string | null;
  content: Record<string, unknown>;
  /** templateId:version, so the email is compiled once per version. */
  cacheKey?: string | null;
  source: { type: TMessageSource; id?: string | null; stepId?: string | null };
  /** Ignores consent, frequency cap and quiet hours; hard suppressions still apply. */
  transactional?: boolean;
  /** Set by an admin (campaign, journey message node): frequency caps do not hold these back. */
  capExempt?: boolean;
  /** The subscription topic (marketing only): consent to it decides who gets the message. */
  topicId?: string | null;
  isTest?: boolean;
  /** The instant policies are checked at; the executor's clock (workflowNow) by default, so time travel moves it. */
  now?: Date;
}

/** One recipient of a send. */
export interface TSendTarget {
  profileId: string | null;
  /** Defaults to source + step + profile: one message per recipient of a step, whatever retries happen. */
  idempotencyKey?: string;
  /** This message's step (source.stepId when unset): triggers of one campaign each have their own. */
  stepId?: string | null;
  context?: Record<string, unknown>;
  event?: Record<string, unknown>;
  /** Sends to this address instead of the profile's (tests, transactional with a given address). */
  to?: { email?: string; phone?: string };
}

export type TSendOutcome = { messageId: string; status: TMessageStatus; deferredUntil?: Date | null; error?: string | null };

export interface TBatchOutcome {
  /** In target order; null for a message another worker holds (see heldUntil). */
  outcomes: (TSendOutcome | null)[];
  /** When the last message held by another worker's lease is free to take over; null when none is. */
  heldUntil: Date | null;
  /** The first retryable provider error: those messages are queued again (history: `retried`); send the batch again later. */
  retryable: ChannelError | null;
  /** Each target's retryable error, in target order (null: none). */
  retryables: (ChannelError | null)[];
}

/** A message's idempotency key: its own, else source + step + recipient. */
export const messageKeyOf = (source: TSendShared["source"], t: TSendTarget) =>
  t.idempotencyKey ?? [source.type, source.id ?? "-", (t.stepId === undefined ? source.stepId : t.stepId) ?? "-", t.profileId ?? t.to?.email ?? t.to?.phone ?? "-"].join(":");

const outcomeOf = (m: Pick<TMessageRow, "id" | "status" | "deferredUntil" | "error">): TSendOutcome => ({ messageId: m.id, status: m.status, deferredUntil: m.deferredUntil ?? null, error: m.error ?? null });

/**
 * The sending pipeline for many recipients of one content, in a handful of statements
 * whatever their number: claim every message (idempotency), resolve the recipients, apply the
 * policy, render each, deliver (the plugin's sendBatch or 16 sends in flight), then store every
 * status and history row at once and publish the events in one send. sendMessage is this with
 * one target.
 */
export async function sendMessages(batch: TSendShared & { targets: TSendTarget[] }): Promise<TBatchOutcome> {
  const db = await getDb();
  const now = batch.now ?? workflowNow();
  const config = await resolveConfiguration(db, batch.workspaceId, batch.kind, batch.configurationId);
  const plugin = pluginOf(config);
  // A message of a transactional source is transactional, however it was asked for.
  const transactional = Boolean(batch.transactional) || batch.source.type === "transactional";
  const shared = { ...(await withBrand(batch)), transactional, channelKind: plugin.channelKind ?? CORE_KINDS[batch.kind as keyof typeof CORE_KINDS] };
  const { source } = batch;
  const keys = batch.targets.map((t) => messageKeyOf(source, t));
  if (new Set(keys).size !== keys.length) throw new Error("Two messages of one send have the same idempotency key");
  const base = { workspaceId: batch.workspaceId, configurationId: config.id, pluginId: plugin.meta.id, kind: batch.kind, source, isTest: Boolean(batch.isTest), topicId: transactional ? null : (batch.topicId ?? null) };
  const claims = await claimMessages(db, base, batch.targets.map((t, i) => ({ idempotencyKey: keys[i]!, profileId: t.profileId, ...(t.stepId !== undefined ? { stepId: t.stepId } : {}) })), now);

  const outcomes = claims.map((c) => (c.state === "done" ? outcomeOf(c.message) : null));
  const held = claims.flatMap((c) => (c.state === "held" ? [c.until.getTime()] : []));
  const mine = claims.flatMap((c, i) => (c.state === "mine" ? [{ index: i, message: c.message, target: batch.targets[i]! }] : []));
  const results: TMessageResult[] = [];
  const finish = (m: TClaimed, status: "failed" | "suppressed" | "deferred", data: Record<string, unknown>, address: string | null, until?: Date) => {
    const error = typeof data.error === "string" ? data.error : typeof data.reason === "string" ? data.reason : null;
    results.push({ message: m.message, status, recipient: address, error, deferredUntil: until ?? null, events: [{ type: status, data }] });
    outcomes[m.index] = { messageId: m.message.id, status, deferredUntil: until ?? null, error };
  };

  // Until delivery starts, a failure gives the claimed messages back (queued), so a retry
  // takes them at once instead of waiting for this worker's lease to run out.
  const rendered = await beforeDelivery(db, mine, async () => {
    const ready = await prepareMessages(db, shared, mine, finish);
    const decisions = batch.isTest
      ? ready.map(() => ({ action: "send" as const }))
      : await checkPolicies(db, { workspaceId: batch.workspaceId, kind: batch.kind, transactional, capExempt: batch.capExempt, topicId: base.topicId, now }, ready.map((r) => ({ messageId: r.message.id, address: r.address, profileId: r.target.profileId, timezone: r.timezone })));
    const sending: TPrepared[] = [];
    ready.forEach((r, n) => {
      const decision = decisions[n]!;
      if (decision.action === "suppress") finish(r, "suppressed", { reason: decision.reason, address: r.address }, r.address);
      else if (decision.action === "defer") finish(r, "deferred", { reason: decision.reason, until: decision.until.toISOString() }, r.address, decision.until);
      else sending.push(r);
    });
    return renderMessages(db, shared, sending, finish);
  });

  if (shared.cacheKey && rendered.some((r) => r.kept)) await keepContent(db, batch.workspaceId, shared.cacheKey, batch.kind, shared.content);
  const sender = senderFor(config);
  // Plugins that take delivery webhooks are named by their provider ids there: those ids are kept findable.
  const webhookConfigurationId = sender.parseWebhook ? config.id : null;
  const answers = await deliverAll(sender, { configurationId: config.id, perSecond: config.rateLimitPerSecond }, rendered.map((r) => ({ id: r.message.id, rendered: r.rendered, recipient: r.recipient })));
  const retryables: (ChannelError | null)[] = batch.targets.map(() => null);
  const sentAt = batch.now ?? workflowNow();
  rendered.forEach((r, n) => {
    const answer = answers[n]!;
    // An email of a versioned content keeps its subject; its HTML and text are rendered again when read.
    const sent = { message: r.message, recipient: r.address, content: r.kept ? { subject: r.rendered.subject } : r.rendered, contentKey: r.kept?.key ?? null, contentScope: r.kept?.scope ?? null };
    if (answer instanceof ChannelError) {
      const status = answer.retryable ? "queued" : "failed";
      if (answer.retryable) retryables[r.index] = answer;
      results.push({ ...sent, status, error: answer.message, events: [{ type: answer.retryable ? "retried" : "failed", data: { error: answer.message, code: answer.code ?? null } }] });
      outcomes[r.index] = { messageId: r.message.id, status, error: answer.message };
      return;
    }
    const status = answer.status ?? "sent";
    const events: TMessageResult["events"] = [{ type: "sent", data: answer.providerMessageId ? { providerMessageId: answer.providerMessageId } : {} }];
    if (status === "delivered") events.push({ type: "delivered" });
    results.push({ ...sent, status, providerMessageId: answer.providerMessageId ?? null, webhookConfigurationId, error: null, sentAt, events });
    outcomes[r.index] = { messageId: r.message.id, status, error: null };
  });
  // Emails kept by reference: their HTML and text are garbage from here, not held through the store's round trip.
  rendered.length = 0;
  await recordResults(db, results);
  return { outcomes, heldUntil: held.length ? new Date(Math.max(...held)) : null, retryable: retryables.find((e) => e !== null) ?? null, retryables };
}

async function beforeDelivery<T>(db: Db, claimed: TClaimed[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const ids = claimed.map((c) => c.message.id);
    await releaseClaims(db, ids).catch(() => {});
    throw error;
  }
}
