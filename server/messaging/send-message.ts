import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { transaction } from "@/db/transaction";
import { messages, type TMessageSource, type TMessageStatus } from "@/db/schema";
import { CORE_KINDS, type TRecipient } from "@/plugins/sdk";
import { pluginOf, resolveConfiguration, senderFor } from "@/server/channels/configurations";
import { claimMessage } from "./claim-message";
import { deliver } from "./deliver";
import { appendMessageEvent, publishMessageEvent, type TMessageRow } from "./message-events";
import { checkPolicy } from "./policy";
import { addressFor, resolveRecipient } from "./recipient";
import { renderMessage } from "./render-message";
import { shortenSmsLinks } from "./short-links";
import { waitForSendSlot } from "./send-rate";

export interface TSendRequest {
  workspaceId: string;
  kind: string;
  profileId: string | null;
  configurationId?: string | null;
  content: Record<string, unknown>;
  /** templateId:version, so the email is compiled once per version. */
  cacheKey?: string | null;
  source: { type: TMessageSource; id?: string | null; stepId?: string | null };
  /** Defaults to source + step + profile: one message per recipient of a step, whatever retries happen. */
  idempotencyKey?: string;
  context?: Record<string, unknown>;
  event?: Record<string, unknown>;
  /** Ignores consent, frequency cap and quiet hours; hard suppressions still apply. */
  transactional?: boolean;
  /** Sends to this address instead of the profile's (tests, transactional with a given address). */
  to?: { email?: string; phone?: string };
  isTest?: boolean;
  now?: Date;
}

export type TSendOutcome = { messageId: string; status: TMessageStatus; deferredUntil?: Date | null; error?: string | null };

const outcomeOf = (m: TMessageRow): TSendOutcome => ({ messageId: m.id, status: m.status, deferredUntil: m.deferredUntil, error: m.error });

/** The sending pipeline for one message: idempotency, recipient, policy, render, send, log. */
export async function sendMessage(req: TSendRequest): Promise<TSendOutcome> {
  const db = await getDb();
  const now = req.now ?? new Date();
  const config = await resolveConfiguration(db, req.workspaceId, req.kind, req.configurationId);
  const plugin = pluginOf(config);
  const key = req.idempotencyKey ?? [req.source.type, req.source.id ?? "-", req.source.stepId ?? "-", req.profileId ?? req.to?.email ?? req.to?.phone ?? "-"].join(":");
  const claim = await claimMessage(db, { ...req, idempotencyKey: key, configurationId: config.id, pluginId: plugin.meta.id, isTest: Boolean(req.isTest) }, now);
  if (claim.state === "done") return outcomeOf(claim.message);
  const message = claim.message;

  const resolved = req.profileId ? await resolveRecipient(db, req.workspaceId, req.profileId) : null;
  if (req.profileId && !resolved) return finish(message, "failed", { error: "The profile no longer exists" });
  const recipient: TRecipient = { ...(resolved?.recipient ?? { profileId: "" }), ...req.to };
  const address = addressFor(req.kind, recipient);
  const kind = plugin.channelKind ?? CORE_KINDS[req.kind as keyof typeof CORE_KINDS];
  if (kind && !kind.reachable(recipient)) return finish(message, "failed", { error: `Not reachable: no ${req.kind} address` });

  if (!req.isTest) {
    const decision = await checkPolicy(db, { workspaceId: req.workspaceId, kind: req.kind, address, profileId: req.profileId, timezone: resolved?.timezone ?? null, transactional: Boolean(req.transactional), now });
    if (decision.action === "suppress") return finish(message, "suppressed", { reason: decision.reason, address });
    if (decision.action === "defer") return finish(message, "deferred", { reason: decision.reason, until: decision.until.toISOString() }, decision.until);
  }

  const profileScope = resolved ? { ...resolved.attributes, id: req.profileId, email: recipient.email, phone: recipient.phone } : { email: recipient.email, phone: recipient.phone };
  let rendered: Record<string, unknown>;
  try {
    rendered = await renderMessage({ kind: req.kind, content: req.content, cacheKey: req.cacheKey ?? null, messageId: message.id, track: true, scope: { profile: profileScope, context: req.context ?? {}, event: req.event ?? {}, message: { id: message.id }, workspace: { id: req.workspaceId } } });
    if (req.kind === "sms" && typeof rendered.text === "string") rendered = { ...rendered, text: await shortenSmsLinks(db, message.id, rendered.text) };
    if (kind) rendered = kind.content.parse(rendered) as Record<string, unknown>;
  } catch (error) {
    return finish(message, "failed", { error: `Could not render: ${(error as Error).message.split("\n")[0]}` });
  }
  await db.update(messages).set({ content: rendered, recipient: address }).where(eq(messages.id, message.id));
  await waitForSendSlot(config.id, config.rateLimitPerSecond);
  const outcome = await deliver({ ...message, recipient: address }, senderFor(config), rendered, recipient);
  return { messageId: message.id, status: outcome.status, error: outcome.error ?? null };
}

async function finish(message: TMessageRow, status: "failed" | "suppressed" | "deferred", data: Record<string, unknown>, until?: Date): Promise<TSendOutcome> {
  const db = await getDb();
  const error = typeof data.error === "string" ? data.error : typeof data.reason === "string" ? data.reason : null;
  await transaction(db, async (tx) => {
    await tx.update(messages).set({ error, deferredUntil: until ?? null, recipient: (data.address as string | undefined) ?? message.recipient }).where(eq(messages.id, message.id));
    await appendMessageEvent(tx, message, status, data);
  });
  await publishMessageEvent(message, status);
  return { messageId: message.id, status, deferredUntil: until ?? null, error };
}
