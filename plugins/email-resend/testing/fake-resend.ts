import { randomBytes, randomUUID } from "node:crypto";
import { Webhook } from "svix";
import { z } from "zod";
import { startFakeServer, type TFakeReply, type THttpFake, type TRecordedRequest } from "../../sdk/testing";

// Test support: Resend's API as far as the plugin uses it, refusing what the real API would
// refuse (missing Bearer key, a body that is not an email), and Svix-signed webhooks.

export const FAKE_API_KEY = "re_test_123";

const ZApiEmail = z.strictObject({
  from: z.string().min(1),
  to: z.array(z.email()).min(1),
  subject: z.string().min(1),
  html: z.string(),
  text: z.string(),
  reply_to: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

const refuse = (statusCode: number, name: string, message: string): TFakeReply => ({ status: statusCode, body: { statusCode, name, message } });

function route(request: TRecordedRequest): TFakeReply {
  if (request.headers.authorization !== `Bearer ${FAKE_API_KEY}`) return refuse(401, "invalid_api_key", "API key is invalid");
  if (request.method === "GET" && request.path.startsWith("/domains")) return { body: { object: "list", has_more: false, data: [] } };
  if (request.method === "POST" && request.path === "/emails") {
    const email = ZApiEmail.safeParse(request.json());
    return email.success ? { body: { id: randomUUID() } } : refuse(422, "validation_error", z.prettifyError(email.error));
  }
  if (request.method === "POST" && request.path === "/emails/batch") {
    const emails = z.array(ZApiEmail).min(1).max(100).safeParse(request.json());
    return emails.success ? { body: { data: emails.data.map(() => ({ id: randomUUID() })) } } : refuse(422, "validation_error", z.prettifyError(emails.error));
  }
  return refuse(404, "not_found", `No route ${request.method} ${request.path}`);
}

export function startFakeResend(): Promise<THttpFake> {
  return startFakeServer(route, {
    failureBody: (code) => ({ statusCode: code, name: code === 429 ? "rate_limit_exceeded" : code >= 500 ? "internal_server_error" : "validation_error", message: "Fake failure" }),
  });
}

export const newWebhookSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

/** A webhook as Resend sends it, signed with `secret` (at `timestamp`, now by default). */
export function resendWebhook(secret: string, event: { type: string; data: Record<string, unknown> }, timestamp = new Date()): Request {
  const payload = JSON.stringify({ ...event, created_at: "2026-11-23T10:00:00.000Z" });
  const id = `msg_${randomUUID()}`;
  const signature = new Webhook(secret).sign(id, timestamp, payload);
  return new Request("http://127.0.0.1/api/webhooks/resend", {
    method: "POST",
    headers: { "content-type": "application/json", "svix-id": id, "svix-timestamp": String(Math.floor(timestamp.getTime() / 1000)), "svix-signature": signature },
    body: payload,
  });
}
