import { z } from "zod";

// What marketers author, per channel kind, before rendering: Liquid merge tags allowed in
// every text. The email body is the block editor's document, compiled to HTML once per
// template version (compile-email.ts) and personalized per recipient.

export const ZEmailContent = z.object({
  subject: z.string().trim().min(1, "Subject is required").max(500),
  preheader: z.string().max(300).optional(),
  /** The block editor's JSON document. */
  document: z.unknown().optional(),
  /** Or raw HTML (API-made templates); used when there is no document. */
  html: z.string().max(500_000).optional(),
});

export const ZPushContent = z.object({
  title: z.string().trim().min(1, "Title is required").max(200),
  body: z.string().trim().min(1, "Body is required").max(2000),
  imageUrl: z.string().max(2000).optional(),
  url: z.string().max(2000).optional(),
});

export const ZSmsContent = z.object({ text: z.string().trim().min(1, "Text is required").max(1600) });

export type TEmailContent = z.infer<typeof ZEmailContent>;
export type TPushContent = z.infer<typeof ZPushContent>;
export type TSmsContent = z.infer<typeof ZSmsContent>;

export const CONTENT_SCHEMAS: Record<string, z.ZodType<Record<string, unknown>>> = {
  email: ZEmailContent as z.ZodType<Record<string, unknown>>,
  push: ZPushContent,
  sms: ZSmsContent,
};
