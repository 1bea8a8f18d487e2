import { randomBytes } from "node:crypto";
import twilio from "twilio";
import { startFakeServer, type TFakeReply, type THttpFake, type TRecordedRequest } from "../../sdk/testing";

// Test support: Twilio's REST API as far as the plugin uses it (account fetch, message
// create), refusing what Twilio would (Basic auth, form fields), with Twilio's magic test
// numbers for refusals, and status callbacks signed as Twilio signs them.

export const ACCOUNT_SID = `AC${"a1".repeat(16)}`;
export const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
export const INVALID_NUMBER = "+15005550001"; // 21211
export const UNSUBSCRIBED_NUMBER = "+15005550004"; // 21610

const ACCOUNT_PATH = `/2010-04-01/Accounts/${ACCOUNT_SID}`;
const FIELDS = new Set(["To", "From", "MessagingServiceSid", "Body", "StatusCallback"]);

const refuse = (status: number, code: number, message: string): TFakeReply => ({ status, body: { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status } });

function createMessage(request: TRecordedRequest): TFakeReply {
  if (request.headers["content-type"] !== "application/x-www-form-urlencoded") return refuse(400, 20001, "Expected a form");
  const form = new URLSearchParams(request.body);
  const unknown = [...form.keys()].filter((k) => !FIELDS.has(k));
  if (unknown.length) return refuse(400, 20001, `Unknown parameters ${unknown.join(", ")}`);
  const to = form.get("To") ?? "";
  if (!/^\+[1-9]\d{6,14}$/.test(to) || to === INVALID_NUMBER) return refuse(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
  if (to === UNSUBSCRIBED_NUMBER) return refuse(400, 21610, "Attempt to send to unsubscribed recipient");
  if (form.has("From") === form.has("MessagingServiceSid")) return refuse(400, 21603, "A 'From' or 'MessagingServiceSid' parameter is required");
  if (!form.get("Body")) return refuse(400, 21602, "Message body is required.");
  const sid = `SM${randomBytes(16).toString("hex")}`;
  return { status: 201, body: { sid, account_sid: ACCOUNT_SID, to, from: form.get("From"), messaging_service_sid: form.get("MessagingServiceSid"), body: form.get("Body"), status: "queued" } };
}

function route(request: TRecordedRequest): TFakeReply {
  if (request.headers.authorization !== `Basic ${Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString("base64")}`) return refuse(401, 20003, "Authenticate");
  if (request.method === "GET" && request.path === `${ACCOUNT_PATH}.json`) return { body: { sid: ACCOUNT_SID, friendly_name: "Acme", status: "active", type: "Full" } };
  if (request.method === "POST" && request.path === `${ACCOUNT_PATH}/Messages.json`) return createMessage(request);
  return refuse(404, 20404, `The requested resource ${request.path} was not found`);
}

export function startFakeTwilio(): Promise<THttpFake> {
  return startFakeServer(route, {
    isSend: (r) => r.method === "POST" && r.path.endsWith("/Messages.json"),
    idempotencyKeyOf: (r) => r.headers["i-twilio-idempotency-token"],
    failureBody: (code) => ({ code: code === 429 ? 20429 : code >= 500 ? 20500 : code === 401 ? 20003 : 21211, message: "Fake failure", status: code }),
  });
}

/** A status callback as Twilio posts it to `url`, signed with `authToken`. */
export function statusCallback(authToken: string, url: string, params: Record<string, string>, requestUrl = url): Request {
  const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
  return new Request(requestUrl, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature },
    body: new URLSearchParams(params).toString(),
  });
}
