import { z } from "zod";

/** PostgreSQL cannot store U+0000 in JSON: such a value is refused here, naming its field, not at the database. */
const ZJsonObject = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === "string" && v.includes("\u0000")) ctx.addIssue({ code: "custom", path, message: "must not contain a NUL character (U+0000)" });
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(value, []);
});

/** Body of POST /api/v1/campaigns/{id}/trigger. */
export const ZTriggerBody = z.object({
  recipient: z
    .object({
      externalId: z.string().trim().min(1).max(255).optional(),
      email: z.email("recipient.email must be an email address").optional(),
      phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, "recipient.phone must be E.164, e.g. +15551234567").optional(),
      attributes: ZJsonObject.optional(),
    })
    .refine((r) => r.externalId || r.email || r.phone, { message: "Give recipient.externalId, recipient.email or recipient.phone" }),
  context: ZJsonObject.default({}),
});
export type TTriggerBody = z.infer<typeof ZTriggerBody>;

export const ZTriggerResponse = z.object({
  messageId: z.uuid(),
  status: z.string().describe("delivered, sent, queued (retried by the server), suppressed, failed, or deferred"),
  deferredUntil: z.iso.datetime().optional().describe("When deferred by quiet hours or a frequency cap: the time it will go (within the minute after). Still deferred after the workspace's expiry, it expires."),
});
