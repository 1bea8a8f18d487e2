import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { classifyError, type TChannelSender, type TRecipient } from "@/plugins/sdk";
import { transaction } from "@/db/transaction";
import { appendMessageEvent, publishMessageEvent, type TMessageRow } from "./message-events";

const SEND_TIMEOUT_MS = 30_000;

export type TDeliveryOutcome = { status: "sent" | "delivered" | "failed"; error?: string };

/**
 * Hands the rendered message to the plugin and records the result. A retryable failure
 * puts the message back in the queue and rethrows, so the calling step retries it (with the
 * same idempotency key: the provider sees one message); a permanent one fails it for good.
 */
export async function deliver(message: TMessageRow, sender: TChannelSender<unknown>, rendered: Record<string, unknown>, recipient: TRecipient): Promise<TDeliveryOutcome> {
  const db = await getDb();
  try {
    const result = await sender.send(rendered, recipient, { idempotencyKey: message.id, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
    const status = result.status ?? "sent";
    await transaction(db, async (tx) => {
      await tx.update(messages).set({ providerMessageId: result.providerMessageId ?? null, sentAt: new Date(), error: null }).where(eq(messages.id, message.id));
      await appendMessageEvent(tx, message, "sent", result.providerMessageId ? { providerMessageId: result.providerMessageId } : {});
      if (status === "delivered") await appendMessageEvent(tx, message, "delivered");
    });
    await publishMessageEvent(message, "sent");
    if (status === "delivered") await publishMessageEvent(message, "delivered");
    return { status };
  } catch (raw) {
    const error = classifyError(raw);
    await transaction(db, async (tx) => {
      await tx.update(messages).set({ error: error.message, status: error.retryable ? "queued" : "failed", updatedAt: new Date() }).where(eq(messages.id, message.id));
      await appendMessageEvent(tx, message, error.retryable ? "retried" : "failed", { error: error.message, code: error.code ?? null });
    });
    if (error.retryable) throw error;
    await publishMessageEvent(message, "failed");
    return { status: "failed", error: error.message };
  }
}
