import { z } from "zod";
import { ChannelError, defineChannelKind, defineChannelPlugin, isAllowListed, providerFetch, refuseInternalUrl, secret, type TSendResult } from "../sdk";

// A kind the core does not know, defined here: proof that a plugin can bring its own.
// An incoming webhook posts to one channel, so every profile is "reachable"; the text
// is personalised per profile like any other content.
export const slackKind = defineChannelKind({
  id: "slack",
  name: "Slack",
  content: z.object({
    text: z.string().min(1, "Write the message text").max(40_000),
    /** Block Kit blocks; `text` is then the notification fallback. */
    blocks: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
  }),
  reachable: () => true,
});

// https://hooks.slack.com/... (or GovSlack's host); plain http only to an allow-listed host (a local relay).
function isWebhookUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && isAllowListed(url));
}

const settings = z.object({
  webhookUrl: secret("Incoming webhook URL")
    .refine(isWebhookUrl, "Paste the https://hooks.slack.com/services/… URL Slack gave you")
    .superRefine(refuseInternalUrl)
    .meta({ placeholder: "https://hooks.slack.com/services/T000/B000/XXXX" }),
});

// Slack answers errors in plain text: "invalid_payload", "no_text", "channel_not_found"...
const slackCode = (text: string) => (/^[a-z_]+$/.test(text.trim()) ? text.trim() : undefined);

export default defineChannelPlugin({
  meta: {
    id: "slack",
    kind: slackKind.id,
    name: "Slack",
    description: "Posts messages to a Slack channel through an incoming webhook.",
    icon: "message-square",
    docsUrl: "https://api.slack.com/messaging/webhooks",
  },
  settings,
  channelKind: slackKind,
  create({ webhookUrl }) {
    const post = (body: unknown, signal: AbortSignal) => providerFetch(webhookUrl, { body, signal, errorCodeOf: slackCode }, "Slack");
    return {
      // Incoming webhooks take no idempotency key: a retry after a lost answer may post twice.
      async send(message, _recipient, { signal }): Promise<TSendResult> {
        await post({ text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }, signal);
        return { status: "sent" };
      },
      // An empty message is refused with "no_text" by a live webhook, and nothing is posted.
      async testConnection() {
        try {
          await post({}, AbortSignal.timeout(10_000));
          return { ok: true, message: "Slack accepted the webhook URL" };
        } catch (error) {
          if (error instanceof ChannelError && error.code === "no_text") return { ok: true, message: "The webhook URL is live" };
          return { ok: false, message: error instanceof Error ? error.message : String(error) };
        }
      },
    };
  },
});
