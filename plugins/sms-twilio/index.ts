import twilio from "twilio";
import { z } from "zod";
import { defineChannelPlugin, permanentError, refuseInternalUrl, retryableError, secret, smsKind, type TSendResult, type TSmsMessage } from "../sdk";
import { FetchRequestClient, sendContext } from "./http-client";
import { parseStatusCallback } from "./status-callback";
import { twilioError } from "./twilio-errors";

const E164 = /^\+[1-9]\d{6,14}$/;
const SERVICE_SID = /^MG[0-9a-f]{32}$/;
// Where the country allows it, a sender name: up to 11 letters, digits and spaces, one letter at least.
const ALPHANUMERIC_ID = /^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$/;

const settings = z.object({
  accountSid: z.string().trim().regex(/^AC[0-9a-f]{32}$/, "An Account SID is AC followed by 32 hexadecimal characters").meta({ title: "Account SID" }),
  authToken: secret("Auth token").refine((v) => /^[0-9a-f]{32}$/.test(v), "An auth token is 32 hexadecimal characters"),
  from: z
    .string()
    .trim()
    .refine((v) => E164.test(v) || SERVICE_SID.test(v) || ALPHANUMERIC_ID.test(v), "Enter a number as +14155550100, a Messaging Service SID (MG…) or a sender name of up to 11 characters")
    .meta({ title: "Sender", description: "Your Twilio number, a Messaging Service SID or an alphanumeric sender id." }),
  statusCallbackUrl: z
    .url({ protocol: /^https?$/, error: "Enter the http(s) URL shown on this channel's page" })
    .optional()
    .meta({ title: "Status callback URL", description: "Copy it from this channel's page (…/api/webhooks/channels/<id>) to receive delivery reports." }),
  baseUrl: z.url("Enter a URL").superRefine(refuseInternalUrl).optional().meta({ title: "API base URL", description: "Leave empty for https://api.twilio.com; set it for a proxy." }),
});

export default defineChannelPlugin({
  meta: {
    id: "sms-twilio",
    kind: smsKind.id,
    name: "Twilio SMS",
    description: "Sends SMS with Twilio, with delivery reports from its signed status callbacks.",
    icon: "message-square",
    docsUrl: "https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource",
  },
  settings,
  create(s) {
    const client = twilio(s.accountSid, s.authToken, { httpClient: new FetchRequestClient(s.baseUrl) });
    const sender = SERVICE_SID.test(s.from) ? { messagingServiceSid: s.from } : { from: s.from };
    return {
      async send(message: TSmsMessage, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        if (!recipient.phone) throw permanentError("The profile has no phone number", "no_address");
        if (!E164.test(recipient.phone)) throw permanentError(`The phone number ${recipient.phone} is not in E.164 form (+14155550100)`, "invalid_number");
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        try {
          const created = await sendContext.run({ idempotencyKey, signal }, () =>
            client.messages.create({ to: recipient.phone!, body: message.text, statusCallback: s.statusCallbackUrl, ...sender }),
          );
          return { status: "sent", providerMessageId: created.sid };
        } catch (error) {
          throw twilioError(error);
        }
      },

      parseWebhook: (request) => parseStatusCallback(request, s.authToken, s.statusCallbackUrl),

      async testConnection() {
        try {
          const account = await client.api.v2010.accounts(s.accountSid).fetch();
          if (account.status !== "active") return { ok: false, message: `The Twilio account "${account.friendlyName}" is ${account.status}` };
          return { ok: true, message: `Connected to the Twilio account "${account.friendlyName}"` };
        } catch (error) {
          return { ok: false, message: twilioError(error).message };
        }
      },
    };
  },
});
