import { z } from "zod";
import { ChannelError, classifyError, defineChannelPlugin, permanentError, providerFetch, pushKind, refuseInternalUrl, retryableError, secret, type TPushMessage, type TSendResult } from "../sdk";
import { fcmErrorCode } from "./fcm-errors";
import { accessTokens, readServiceAccount, type TServiceAccount } from "./service-account";

// A secret is one masked input: the key file's line breaks are whitespace between JSON
// tokens (the private key's are escaped as \n), so pasting it on one line keeps it valid.
const settings = z.object({
  serviceAccountJson: secret("Service account key (JSON)").superRefine((json, ctx) => {
    const account = readServiceAccount(json);
    if (typeof account === "string") ctx.addIssue({ code: "custom", message: account });
  }),
  baseUrl: z.url("Enter a URL").superRefine(refuseInternalUrl).optional().meta({ title: "API base URL", description: "Leave empty for https://fcm.googleapis.com; set it for a proxy." }),
});

export default defineChannelPlugin({
  meta: {
    id: "push-fcm",
    kind: pushKind.id,
    name: "Firebase Cloud Messaging",
    description: "Sends push notifications to Android, iOS and web apps through FCM (HTTP v1 API, service account).",
    icon: "smartphone",
    docsUrl: "https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send",
  },
  settings,
  create(s) {
    const account = readServiceAccount(s.serviceAccountJson) as TServiceAccount;
    const tokens = accessTokens(account);
    const sendUrl = `${(s.baseUrl ?? "https://fcm.googleapis.com").replace(/\/+$/, "")}/v1/projects/${encodeURIComponent(account.project_id)}/messages:send`;
    return {
      async send(message: TPushMessage, recipient, { signal }): Promise<TSendResult> {
        const registrationTokens = recipient.fcmTokens ?? [];
        if (registrationTokens.length === 0) throw permanentError("The profile has no FCM registration token", "no_address");
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        const accessToken = await tokens.get();
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        const results = await Promise.all(
          registrationTokens.map((token) =>
            providerFetch(sendUrl, { headers: { authorization: `Bearer ${accessToken}` }, body: { message: fcmMessage(token, message) }, signal, errorCodeOf: fcmErrorCode }, "FCM").then(
              (response) => ({ name: (JSON.parse(response.text) as { name?: string }).name }),
              (error: unknown) => classifyError(error),
            ),
          ),
        );
        // A refused access token (revoked key...) is dropped so the next message signs in anew.
        if (results.some((r) => r instanceof ChannelError && r.code === "unauthenticated")) tokens.invalidate();
        return outcomeOf(results);
      },

      async testConnection() {
        tokens.invalidate();
        try {
          await tokens.get();
          return { ok: true, message: `Signed in as ${account.client_email} for project ${account.project_id}` };
        } catch (error) {
          return { ok: false, message: classifyError(error).message };
        }
      },
    };
  },
});

/** The v1 message for one device; `url` travels in data for apps and as the web click link. */
export function fcmMessage(token: string, message: TPushMessage) {
  const data = { ...message.data, ...(message.url ? { url: message.url } : {}) };
  return {
    token,
    notification: { title: message.title, body: message.body, ...(message.imageUrl ? { image: message.imageUrl } : {}) },
    ...(Object.keys(data).length > 0 ? { data } : {}),
    ...(message.url?.startsWith("https://") ? { webpush: { fcm_options: { link: message.url } } } : {}),
  };
}

/** Sent when one device took it; else retryable if any failure may pass later; `token_gone` when every token is. */
function outcomeOf(results: ({ name?: string } | ChannelError)[]): TSendResult {
  const sent = results.filter((r): r is { name?: string } => !(r instanceof ChannelError));
  if (sent.length > 0) return { status: "sent", providerMessageId: sent.find((r) => r.name)?.name };
  const errors = results as ChannelError[];
  if (errors.every((e) => e.code === "token_gone")) throw permanentError(`FCM: all ${errors.length} registration token(s) are gone`, "token_gone");
  throw errors.find((e) => e.retryable) ?? errors[0];
}
