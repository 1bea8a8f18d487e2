import type { z } from "zod";
import type { TRecipient } from "../kinds";
import type { TChannelPlugin, TChannelSender, TDeliveryEventType } from "../plugin";
import type { TProviderFake } from "./fake-server";

/** What a plugin's test gives runPluginContract(). Methods are called after the fake starts. */
export interface TContractOptions<TSettings extends z.ZodObject = z.ZodObject, TContent = unknown, TFake extends TProviderFake | undefined = TProviderFake | undefined> {
  plugin: TChannelPlugin<TSettings, TContent>;
  /** The plugin's folder (`import.meta.dirname`): its non-test files may import only ../sdk and packages. */
  folder: string;
  /**
   * Starts a local fake of the provider (startFakeServer, or an SMTP server...); absent for a
   * pure sink. A fake with a `url` is put on the outgoing allow-list (allowPrivateHost) for the file.
   */
  fake?: () => Promise<TFake>;
  settings: {
    /** Settings that point the plugin at the fake. */
    valid(fake: TFake): z.input<TSettings>;
    /** Each must be refused with an issue at `path` (keys joined with "."). */
    invalid: { settings: Record<string, unknown>; path: string }[];
    /** The keys expected to be marked secret(), in declaration order. */
    secrets: string[];
    /** Settings aimed at a port nothing listens on; required exactly when the sender has testConnection. */
    unreachable?(port: number): z.input<TSettings>;
  };
  /** A valid rendered message and a reachable recipient. */
  sample: { message: TContent; recipient: TRecipient };
  /** "forwarded": the fake must see the send's idempotency key (header, Message-ID...). */
  idempotency: "forwarded" | "not-forwarded";
  /** Codes the fake fails with. Default (HTTP): 500, 503, 429 retryable; 400, 401, 422 permanent. */
  failures?: { retryable: number[]; permanent: number[] };
  /** Required exactly when the sender has parseWebhook. */
  webhook?: {
    /** A genuine provider webhook; a new Request on each call (a body reads once). */
    signed(settings: z.output<TSettings>): Request | Promise<Request>;
    /** The event types the signed webhook yields, in order. */
    events: TDeliveryEventType[];
    /** Forgeries beyond the kit's own (signature headers dropped, body altered). */
    forged?(settings: z.output<TSettings>): Request[] | Promise<Request[]>;
  };
}

/** Filled in beforeAll: the running fake, the parsed settings and a sender made from them. */
export interface TContractState<TSettings extends z.ZodObject = z.ZodObject, TContent = unknown, TFake extends TProviderFake | undefined = TProviderFake | undefined> {
  fake: TFake;
  settings: z.output<TSettings>;
  sender: TChannelSender<TContent>;
}

export const DEFAULT_FAILURES = { retryable: [500, 503, 429], permanent: [400, 401, 422] };
