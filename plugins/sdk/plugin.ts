import type { z } from "zod";
import type { TChannelKind, TRecipient } from "./kinds";

export interface TPluginMeta {
  /** Stable id, e.g. "email-smtp": stored in channel configurations. */
  id: string;
  /**
   * The channel kind it sends: "email", "push", "sms", the id of a kind the plugin defines,
   * or "*" for a sink that captures messages of every kind (the dev inbox); the core then
   * validates each message against its own kind's content schema.
   */
  kind: string;
  name: string;
  description: string;
  /** A lucide-react icon name, for the UI. */
  icon: string;
  docsUrl?: string;
}

export interface TSendContext {
  /** The same key for every attempt of one message: pass it to providers that deduplicate. */
  idempotencyKey: string;
  signal: AbortSignal;
}

export interface TSendResult {
  /** The provider's id, to match its webhooks (delivery, bounce, open...) to the message. */
  providerMessageId?: string;
  /** "delivered" when the provider confirms delivery synchronously (e.g. the dev inbox). */
  status?: "sent" | "delivered";
}

export type TDeliveryEventType = "delivered" | "bounced" | "complained" | "opened" | "clicked" | "failed" | "unsubscribed";

export interface TDeliveryEvent {
  type: TDeliveryEventType;
  providerMessageId: string;
  at?: Date;
  /** For a bounce, whether it is permanent (the address is then suppressed). */
  permanent?: boolean;
  url?: string;
  reason?: string;
}

export interface TChannelSender<TContent> {
  send(message: TContent, recipient: TRecipient, context: TSendContext): Promise<TSendResult>;
  /** Many recipients at once, when the provider has a batch API; results in input order. */
  sendBatch?(items: { message: TContent; recipient: TRecipient; idempotencyKey: string }[], signal: AbortSignal): Promise<(TSendResult | Error)[]>;
  /** Verifies (signature) and reads a provider webhook; throws WebhookVerificationError when it is not genuine. */
  parseWebhook?(request: Request): Promise<TDeliveryEvent[]>;
  testConnection?(): Promise<{ ok: true; message?: string } | { ok: false; message: string }>;
}

export interface TChannelPlugin<TSettings extends z.ZodObject = z.ZodObject, TContent = unknown> {
  meta: TPluginMeta;
  settings: TSettings;
  /** Set when the plugin brings its own channel kind (meta.kind is then its id). */
  channelKind?: TChannelKind<TContent>;
  create(settings: z.infer<TSettings>): TChannelSender<TContent>;
}

export function defineChannelPlugin<TSettings extends z.ZodObject, TContent>(plugin: TChannelPlugin<TSettings, TContent>): TChannelPlugin<TSettings, TContent> {
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(plugin.meta.id)) throw new Error(`Plugin id "${plugin.meta.id}" must be lowercase letters, digits and -`);
  if (plugin.channelKind && plugin.channelKind.id !== plugin.meta.kind) throw new Error(`Plugin ${plugin.meta.id} defines kind "${plugin.channelKind.id}" but declares kind "${plugin.meta.kind}"`);
  return plugin;
}
