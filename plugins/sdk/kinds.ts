import { z } from "zod";

// The channel kinds the core defines, with the content a message of each kind carries once
// rendered for one recipient. A plugin may add a kind with defineChannelKind().

export const ZEmailMessage = z.object({
  subject: z.string().min(1).max(998),
  html: z.string(),
  text: z.string(),
  /** "Name <address>"; the configuration's sender when absent. */
  from: z.string().optional(),
  replyTo: z.string().optional(),
  headers: z.record(z.string(), z.string()).default({}),
});

export const ZPushMessage = z.object({
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
  imageUrl: z.url().optional(),
  url: z.url().optional(),
  data: z.record(z.string(), z.string()).default({}),
});

export const ZSmsMessage = z.object({ text: z.string().min(1).max(1600) });

export type TEmailMessage = z.infer<typeof ZEmailMessage>;
export type TPushMessage = z.infer<typeof ZPushMessage>;
export type TSmsMessage = z.infer<typeof ZSmsMessage>;

export const ZWebPushSubscription = z.object({
  endpoint: z.url(),
  keys: z.object({ p256dh: z.string(), auth: z.string() }),
});
export type TWebPushSubscription = z.infer<typeof ZWebPushSubscription>;

/** Where a message goes: the addresses the core resolved from the profile. */
export interface TRecipient {
  profileId: string;
  email?: string;
  phone?: string;
  webPushSubscriptions?: TWebPushSubscription[];
  fcmTokens?: string[];
  /** Profile attributes, for plugins whose address is an attribute (e.g. a Slack user id). */
  attributes?: Record<string, unknown>;
}

/** A kind of channel: its id, label and the content schema of its rendered messages. */
export interface TChannelKind<TContent = unknown> {
  id: string;
  name: string;
  content: z.ZodType<TContent>;
  /** Whether a profile can receive this kind at all (e.g. has an email). */
  reachable: (recipient: TRecipient) => boolean;
}

export function defineChannelKind<TContent>(kind: TChannelKind<TContent>): TChannelKind<TContent> {
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(kind.id)) throw new Error(`Channel kind id "${kind.id}" must be lowercase letters, digits and -`);
  return kind;
}

export const emailKind = defineChannelKind({ id: "email", name: "Email", content: ZEmailMessage, reachable: (r) => Boolean(r.email) });
export const pushKind = defineChannelKind({
  id: "push",
  name: "Push",
  content: ZPushMessage,
  reachable: (r) => Boolean(r.webPushSubscriptions?.length || r.fcmTokens?.length),
});
export const smsKind = defineChannelKind({ id: "sms", name: "SMS", content: ZSmsMessage, reachable: (r) => Boolean(r.phone) });

export const CORE_KINDS = { email: emailKind, push: pushKind, sms: smsKind } as const;
export type TCoreKindId = keyof typeof CORE_KINDS;
