import { z } from "zod";

/** Body of POST /api/v1/campaigns/{id}/trigger. */
export const ZTriggerBody = z.object({
  recipient: z
    .object({
      externalId: z.string().trim().min(1).max(255).optional(),
      email: z.email("recipient.email must be an email address").optional(),
      phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "recipient.phone must be E.164, e.g. +15551234567").optional(),
      attributes: z.record(z.string(), z.unknown()).optional(),
    })
    .refine((r) => r.externalId || r.email || r.phone, { message: "Give recipient.externalId, recipient.email or recipient.phone" }),
  context: z.record(z.string(), z.unknown()).default({}),
});
export type TTriggerBody = z.infer<typeof ZTriggerBody>;

export const ZTriggerResponse = z.object({ messageId: z.uuid(), status: z.string() });
