import { ChannelError, classifyError, type TChannelSender, type TRecipient, type TSendResult } from "@/plugins/sdk";
import { waitForSendSlot } from "./send-rate";

const SEND_TIMEOUT_MS = 30_000;
/** Sends in flight at once for a plugin without sendBatch (an SMTP pool has 8 connections). */
const IN_FLIGHT = 16;

export interface TDelivery {
  /** The message id: the provider's idempotency key, the same on every attempt. */
  id: string;
  rendered: Record<string, unknown>;
  recipient: TRecipient;
}

/**
 * Hands rendered messages to the plugin: its sendBatch when it has one, else `send` with at
 * most 16 in flight, each waiting for the configuration's rate slot. Nothing is thrown: each
 * message gets its result or its classified error (retryable or permanent), in input order.
 */
export async function deliverAll(sender: TChannelSender<unknown>, rate: { configurationId: string; perSecond: number | null }, items: TDelivery[]): Promise<(TSendResult | ChannelError)[]> {
  const slot = () => waitForSendSlot(rate.configurationId, rate.perSecond);
  if (sender.sendBatch && items.length > 1) {
    await Promise.all(items.map(slot));
    try {
      const results = await sender.sendBatch(items.map((i) => ({ message: i.rendered, recipient: i.recipient, idempotencyKey: i.id })), AbortSignal.timeout(SEND_TIMEOUT_MS));
      return items.map((_, n) => {
        const result = results[n] ?? new Error("The plugin answered fewer results than messages");
        return result instanceof Error ? classifyError(result) : result;
      });
    } catch (error) {
      return items.map(() => classifyError(error));
    }
  }
  const results: (TSendResult | ChannelError)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let n = next++; n < items.length; n = next++) {
      const item = items[n]!;
      await slot();
      results[n] = await sender.send(item.rendered, item.recipient, { idempotencyKey: item.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) }).catch(classifyError);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  return results;
}
