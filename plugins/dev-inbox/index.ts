import { z } from "zod";
import { defineChannelPlugin, permanentError, retryableError, type TRecipient, type TSendResult } from "../sdk";

// A pure sink: the core stores every rendered message in `messages` before it calls send(),
// and the Dev inbox page reads them from there, so "delivering" here is only an answer.
// Its kind is "*": one configuration per workspace captures email, push, SMS and any
// plugin-defined kind (the core has already validated content against the message's kind).
// sendBatch answers a whole campaign group in one call: a sink has no reason to cost the
// sender a promise, a timer and a check per message (they were ~6% of a campaign's CPU).

const isObject = (message: unknown) => typeof message === "object" && message !== null && !Array.isArray(message);

/** The answer for one message; derived from the key, so a retried send names the same captured message. */
function capture(message: unknown, recipient: TRecipient, idempotencyKey: string): TSendResult {
  if (!isObject(message)) throw permanentError("A captured message must be an object of content fields", "invalid_message");
  if (!recipient.profileId) throw permanentError("A captured message needs a recipient profile", "no_recipient");
  return { status: "delivered", providerMessageId: `dev-inbox:${idempotencyKey}` };
}

export default defineChannelPlugin({
  meta: {
    id: "dev-inbox",
    kind: "*",
    name: "Dev inbox",
    description: "Captures every message in the app instead of sending it. The default channel in embedded mode.",
    icon: "inbox",
  },
  settings: z.object({
    label: z.string().trim().max(60, "Keep the label under 60 characters").optional().meta({ title: "Label", placeholder: "Dev inbox" }),
  }),
  create() {
    return {
      async send(message: unknown, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        return capture(message, recipient, idempotencyKey);
      },
      async sendBatch(items, signal): Promise<(TSendResult | Error)[]> {
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        return items.map(({ message, recipient, idempotencyKey }) => {
          try {
            return capture(message, recipient, idempotencyKey);
          } catch (error) {
            return error as Error;
          }
        });
      },
    };
  },
});
