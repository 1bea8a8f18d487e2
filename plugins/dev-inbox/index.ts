import { z } from "zod";
import { defineChannelPlugin, permanentError, retryableError, type TSendResult } from "../sdk";

// A pure sink: the core stores every rendered message in `messages` before it calls send(),
// and the Dev inbox page reads them from there, so "delivering" here is only an answer.
// Its kind is "*": one configuration per workspace captures email, push, SMS and any
// plugin-defined kind (the core has already validated content against the message's kind).

const ZCapturedMessage = z.record(z.string(), z.unknown());

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
        if (!ZCapturedMessage.safeParse(message).success) throw permanentError("A captured message must be an object of content fields", "invalid_message");
        if (!recipient.profileId) throw permanentError("A captured message needs a recipient profile", "no_recipient");
        // Derived from the key, so a retried send names the same captured message.
        return { status: "delivered", providerMessageId: `dev-inbox:${idempotencyKey}` };
      },
    };
  },
});
