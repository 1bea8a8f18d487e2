import { createHash } from "node:crypto";
import { Resend, type CreateEmailOptions, type ErrorResponse } from "resend";
import { z } from "zod";
import { ChannelError, defineChannelPlugin, emailKind, errorFromHttpStatus, permanentError, refuseInternalUrl, retryableError, secret, type TEmailMessage, type TRecipient, type TSendResult } from "../sdk";
import { parseResendWebhook } from "./webhook-events";

const BATCH_SIZE = 100;

// The Resend SDK does not throw: it answers { error: { statusCode, name, message } }, with
// statusCode null when no answer came back (network failure, cancelled request).
const RETRYABLE_NAMES = new Set(["concurrent_idempotent_requests", "rate_limit_exceeded", "internal_server_error", "application_error"]);

function channelErrorOf(error: ErrorResponse): ChannelError {
  const message = `Resend: ${error.message}`;
  if (error.statusCode === null || error.statusCode === undefined) return new ChannelError(message, true, error.name ?? "network");
  const byStatus = errorFromHttpStatus(error.statusCode, message);
  return new ChannelError(byStatus.message, byStatus.retryable || RETRYABLE_NAMES.has(error.name), error.name ?? byStatus.code);
}

const settings = z.object({
  apiKey: secret("API key").refine((v) => v.startsWith("re_"), "A Resend API key starts with re_"),
  fromName: z.string().trim().max(100).optional().meta({ title: "Sender name", placeholder: "Acme" }),
  fromAddress: z.email("Enter the sender's email address, on a domain verified in Resend").meta({ title: "Sender address" }),
  replyTo: z.email("Enter a valid reply-to address").optional().meta({ title: "Reply-to address" }),
  webhookSecret: secret("Webhook signing secret")
    .refine((v) => v.startsWith("whsec_"), "Resend's webhook signing secret starts with whsec_")
    .optional()
    .meta({ description: "From Resend's webhook page; needed for delivery, bounce, open and click events." }),
  baseUrl: z.url("Enter a URL").superRefine(refuseInternalUrl).optional().meta({ title: "API base URL", description: "Leave empty for Resend's API; set it for a proxy." }),
});

const attempt = <T>(fn: () => T): T | Error => {
  try {
    return fn();
  } catch (error) {
    return error as Error;
  }
};
const attemptAsync = <T>(fn: () => Promise<T>): Promise<T | Error> => fn().catch((error: unknown) => error as Error);

export default defineChannelPlugin({
  meta: {
    id: "email-resend",
    kind: emailKind.id,
    name: "Resend",
    description: "Sends email with Resend, with delivery, bounce, complaint, open and click events from its webhooks.",
    icon: "send",
    docsUrl: "https://resend.com/docs/api-reference/emails/send-email",
  },
  settings,
  create(s) {
    const resend = new Resend(s.apiKey, { baseUrl: s.baseUrl });
    const sender = s.fromName ? `"${s.fromName.replace(/["\\]/g, "")}" <${s.fromAddress}>` : s.fromAddress;
    const emailOf = (message: TEmailMessage, recipient: TRecipient): CreateEmailOptions => {
      if (!recipient.email) throw permanentError("The profile has no email address", "no_address");
      const { subject, html, text, headers } = message;
      return { from: message.from ?? sender, to: [recipient.email], replyTo: message.replyTo ?? s.replyTo, subject, html, text, headers };
    };
    return {
      async send(message: TEmailMessage, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        const email = emailOf(message, recipient);
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        const { data, error } = await resend.emails.send(email, { idempotencyKey, signal });
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        if (error) throw channelErrorOf(error);
        return { status: "sent", providerMessageId: data.id };
      },

      // Strict batches: Resend accepts or refuses a batch whole, so one error stands for every item.
      async sendBatch(items, signal) {
        const results: (TSendResult | Error)[] = [];
        for (let start = 0; start < items.length; start += BATCH_SIZE) {
          const chunk = items.slice(start, start + BATCH_SIZE);
          const emails = chunk.map((i) => attempt(() => emailOf(i.message, i.recipient)));
          const sendable = emails.filter((e): e is CreateEmailOptions => !(e instanceof Error));
          const keys = chunk.filter((_, i) => !(emails[i] instanceof Error)).map((i) => i.idempotencyKey);
          const idempotencyKey = `batch-${createHash("sha256").update(keys.join("\n")).digest("hex")}`;
          const sent = sendable.length === 0 ? [] : await attemptAsync(async () => {
            if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
            const { data, error } = await resend.batch.send(sendable, { idempotencyKey, signal });
            if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
            if (error) throw channelErrorOf(error);
            return data.data.map((d) => ({ status: "sent" as const, providerMessageId: d.id }));
          });
          let next = 0;
          results.push(...emails.map((e) => (e instanceof Error ? e : sent instanceof Error ? sent : (sent[next++] ?? new Error("Resend answered fewer ids than emails")))));
        }
        return results;
      },

      parseWebhook: (request) => parseResendWebhook(request, s.webhookSecret),

      async testConnection() {
        const { error } = await resend.domains.list();
        if (!error) return { ok: true, message: "The API key is valid" };
        if (error.name === "restricted_api_key") return { ok: true, message: "The API key is valid and can only send email" };
        return { ok: false, message: channelErrorOf(error).message };
      },
    };
  },
});
