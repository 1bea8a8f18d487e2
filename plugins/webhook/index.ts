import { z } from "zod";
import { defineChannelKind, defineChannelPlugin, providerFetch, refuseInternalUrl, secret, type TSendResult } from "../sdk";
import { SIGNATURE_HEADER, signatureFor } from "./signature";

// A kind of its own: the message is a JSON payload the campaign or journey composes, posted
// to the configured URL with the recipient. Always reachable: the URL is the address.
export const webhookKind = defineChannelKind({
  id: "webhook",
  name: "Webhook",
  content: z.object({ payload: z.record(z.string(), z.unknown()) }),
  reachable: () => true,
});

const settings = z.object({
  url: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }).superRefine(refuseInternalUrl).meta({ title: "Endpoint URL", placeholder: "https://example.com/hooks/parcours" }),
  secret: secret("Signing secret").refine((v) => v.length >= 16, "Use at least 16 characters"),
  headers: z
    .string()
    .optional()
    .refine((v) => parseHeaderLines(v) !== null, "Write one header per line, as Name: value")
    .meta({ title: "Extra headers", multiline: true, placeholder: "Authorization: Bearer …" }),
});

export default defineChannelPlugin({
  meta: {
    id: "webhook",
    kind: webhookKind.id,
    name: "Webhook",
    description: "Posts each message as signed JSON to your endpoint (X-Parcours-Signature, HMAC-SHA256).",
    icon: "webhook",
  },
  settings,
  channelKind: webhookKind,
  create(s) {
    const extraHeaders = parseHeaderLines(s.headers) ?? {};
    return {
      async send(message, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        const { profileId, email, phone, attributes } = recipient;
        const body = JSON.stringify({ idempotencyKey, message, recipient: { profileId, email, phone, attributes } });
        const response = await providerFetch(
          s.url,
          {
            headers: { ...extraHeaders, "content-type": "application/json", "idempotency-key": idempotencyKey, [SIGNATURE_HEADER]: signatureFor(s.secret, body) },
            body,
            signal,
          },
          "Webhook endpoint",
        );
        return { status: "sent", providerMessageId: idOf(response.text) };
      },
    };
  },
});

/** The endpoint may answer {"id": "..."} to name the message on its side. */
function idOf(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === "string" && id ? id : undefined;
  } catch {
    return undefined;
  }
}

// Extra headers are one textarea in the settings form: "Name: value" per line.
const RESERVED = new Set(["content-type", "content-length", "host", "idempotency-key", "x-parcours-signature"]);

/** The headers, lower-cased names; null when a line is not a header or names a reserved one. */
export function parseHeaderLines(text: string | undefined): Record<string, string> | null {
  const headers: Record<string, string> = {};
  for (const line of (text ?? "").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const match = line.match(/^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s*:\s*(.*?)\s*$/);
    if (!match?.[1] || RESERVED.has(match[1].toLowerCase())) return null;
    headers[match[1].toLowerCase()] = match[2] ?? "";
  }
  return headers;
}
