import { z } from "zod";
import { getDb } from "@/db/client";
import { withBrand } from "@/server/email-design/with-brand";
import { notFound } from "@/server/errors";
import { resolveRecipient } from "@/server/messaging/recipient";
import { renderMessage } from "@/server/messaging/render-message";
import type { TMergeScope } from "@/server/messaging/liquid";
import { validateContent, ZTemplateKind } from "./validate-content";

export const ZPreviewInput = z.object({
  kind: ZTemplateKind,
  content: z.record(z.string(), z.unknown(), { error: "Content must be an object" }),
  profileId: z.uuid("profileId must be a UUID").nullish(),
  context: z.record(z.string(), z.unknown()).optional(),
  event: z.record(z.string(), z.unknown()).optional(),
});
export type TPreviewInput = z.input<typeof ZPreviewInput>;

/** The profile as templates see it: its attributes, id, and addresses from its identities. */
export async function profileScope(workspaceId: string, profileId: string | null | undefined): Promise<Record<string, unknown>> {
  if (!profileId) return {};
  const resolved = await resolveRecipient(await getDb(), workspaceId, profileId);
  if (!resolved) throw notFound("Profile");
  return { ...resolved.attributes, id: profileId, email: resolved.recipient.email, phone: resolved.recipient.phone };
}

/**
 * A draft rendered as the chosen profile would receive it, without tracking and without
 * caching (the draft changes with every keystroke). Invalid content fails like a save does.
 */
export async function previewTemplate(workspaceId: string, raw: TPreviewInput) {
  const input = ZPreviewInput.parse(raw);
  const content = await validateContent(input.kind, input.content);
  const messageId = crypto.randomUUID();
  const scope: TMergeScope = {
    profile: await profileScope(workspaceId, input.profileId),
    context: input.context ?? {},
    event: input.event ?? {},
    message: { id: messageId },
    workspace: { id: workspaceId },
  };
  const branded = await withBrand({ workspaceId, kind: input.kind, content });
  return renderMessage({ kind: input.kind, content: branded.content, cacheKey: null, scope, messageId, track: false });
}
