import { z } from "zod";
import { getDb } from "@/db/client";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { sendMessage } from "@/server/messaging/send-message";
import { getTemplate } from "./query-templates";
import { profileScope } from "./preview-template";
import { validateContent, ZTemplateKind } from "./validate-content";

export const ZSendTestInput = z.object({
  kind: ZTemplateKind,
  content: z.record(z.string(), z.unknown(), { error: "Content must be an object" }),
  templateId: z.uuid("templateId must be a UUID").nullish(),
  /** Whose data personalizes the test (and whose devices get a push). */
  profileId: z.uuid("Choose a profile to personalize the test"),
  configurationId: z.uuid("configurationId must be a UUID").nullish(),
  /** The phone number an SMS test goes to; emails go to the signed-in user. */
  to: z.string().trim().max(40).optional(),
});
export type TSendTestInput = z.input<typeof ZSendTestInput>;

/**
 * Sends the draft once, personalized as the chosen profile, to the user who asked (or the
 * given phone); push goes to the profile's devices. A test skips consent and quiet hours
 * and is marked as a test in the message history.
 */
export async function sendTest(workspaceId: string, raw: TSendTestInput, user: { email: string }, actor: TActor) {
  const input = ZSendTestInput.parse(raw);
  const content = await validateContent(input.kind, input.content);
  if (input.templateId) await getTemplate(workspaceId, input.templateId);
  await profileScope(workspaceId, input.profileId);
  const to = input.kind === "email" ? { email: user.email } : input.kind === "sms" ? { phone: phoneOf(input.to) } : undefined;
  const outcome = await sendMessage({
    workspaceId,
    kind: input.kind,
    profileId: input.profileId,
    configurationId: input.configurationId ?? null,
    content,
    source: { type: "test", id: input.templateId ?? "draft", stepId: crypto.randomUUID() },
    isTest: true,
    ...(to ? { to } : {}),
  });
  await recordAudit(await getDb(), { workspaceId, actor, action: "template.test-send", entityType: "template", entityId: input.templateId ?? null, diff: { messageId: { to: outcome.messageId }, status: { to: outcome.status } } });
  return { messageId: outcome.messageId, status: outcome.status, error: outcome.error ?? null };
}

function phoneOf(raw: string | undefined): string {
  const phone = raw?.replace(/[\s().-]/g, "");
  if (!phone || !/^\+[1-9]\d{6,14}$/.test(phone)) throw new AppError("BAD_REQUEST", "Enter your phone number in international format, e.g. +33612345678", "to");
  return phone;
}
