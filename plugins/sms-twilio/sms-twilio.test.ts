import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelError } from "../sdk";
import { allowPrivateHost, runPluginContract, type THttpFake } from "../sdk/testing";
import smsTwilio from "./index";
import { ACCOUNT_SID, AUTH_TOKEN, INVALID_NUMBER, startFakeTwilio, statusCallback, UNSUBSCRIBED_NUMBER } from "./testing/fake-twilio";

const callbackUrl = "https://parcours.test/api/webhooks/channels/ch_1";
const base = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: "+14155550100", statusCallbackUrl: callbackUrl };
const message = { text: "Your code is 1234" };
const recipient = { profileId: "p_1", phone: "+33612345678" };
const context = (idempotencyKey = "step-4:p_1") => ({ idempotencyKey, signal: new AbortController().signal });
const delivered = { MessageSid: "SM123", MessageStatus: "delivered", AccountSid: ACCOUNT_SID, To: "+33612345678", From: "+14155550100", ApiVersion: "2010-04-01" };

runPluginContract({
  plugin: smsTwilio,
  folder: import.meta.dirname,
  fake: startFakeTwilio,
  settings: {
    valid: (fake) => ({ ...base, baseUrl: fake.url }),
    invalid: [
      { settings: { ...base, accountSid: "SK123" }, path: "accountSid" },
      { settings: { ...base, authToken: "secret" }, path: "authToken" },
      { settings: { ...base, from: "0612345678" }, path: "from" },
      { settings: { ...base, statusCallbackUrl: "ftp://parcours.test/x" }, path: "statusCallbackUrl" },
      { settings: { ...base, baseUrl: "http://169.254.169.254/" }, path: "baseUrl" },
    ],
    secrets: ["authToken"],
    unreachable: (port) => ({ ...base, baseUrl: `http://127.0.0.1:${port}` }),
  },
  sample: { message, recipient },
  idempotency: "forwarded",
  webhook: {
    signed: (s) => statusCallback(s.authToken, callbackUrl, delivered),
    events: ["delivered"],
    forged: (s) => [
      statusCallback("ffffffffffffffffffffffffffffffff", callbackUrl, delivered),
      statusCallback(s.authToken, "https://evil.test/hook", delivered, callbackUrl),
      statusCallback(s.authToken, callbackUrl, { MessageSid: "SM123" }),
    ],
  },
});

describe("sms-twilio against a fake Twilio API", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeTwilio())));
  afterAll(() => fake.close());
  const create = (extra: object = {}) => smsTwilio.create(smsTwilio.settings.parse({ ...base, baseUrl: fake.url, ...extra }));

  it("creates the message with Basic auth, the form Twilio expects and the idempotency token", async () => {
    const result = await create().send(message, recipient, context());
    const request = fake.requests.at(-1)!;
    expect([request.method, request.path]).toEqual(["POST", `/2010-04-01/Accounts/${ACCOUNT_SID}/Messages.json`]);
    expect(request.headers).toMatchObject({ "content-type": "application/x-www-form-urlencoded", "i-twilio-idempotency-token": "step-4:p_1" });
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ To: "+33612345678", From: "+14155550100", Body: "Your code is 1234", StatusCallback: callbackUrl });
    expect(result).toEqual({ status: "sent", providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/) });
  });

  it("sends through a Messaging Service, and without a status callback when none is set", async () => {
    await create({ from: `MG${"b2".repeat(16)}`, statusCallbackUrl: undefined }).send(message, recipient, context());
    expect(Object.fromEntries(new URLSearchParams(fake.requests.at(-1)!.body))).toEqual({ To: "+33612345678", MessagingServiceSid: `MG${"b2".repeat(16)}`, Body: "Your code is 1234" });
  });

  it("maps Twilio's error codes: invalid and unsubscribed numbers are permanent, rate limits retryable", async () => {
    const sendTo = (phone: string) => create().send(message, { profileId: "p_1", phone }, context()).catch((e: unknown) => e);
    expect(await sendTo(INVALID_NUMBER)).toMatchObject({ retryable: false, code: "invalid_number" });
    expect(await sendTo(UNSUBSCRIBED_NUMBER)).toMatchObject({ retryable: false, code: "unsubscribed" });
    expect(await sendTo("0612345678")).toMatchObject({ retryable: false, code: "invalid_number" });
    fake.failWith(429);
    const limited = await sendTo(recipient.phone).finally(() => fake.failWith(null));
    expect(limited).toBeInstanceOf(ChannelError);
    expect(limited).toMatchObject({ retryable: true, code: "rate_limited" });
    expect(await create({ authToken: "ffffffffffffffffffffffffffffffff" }).send(message, recipient, context()).catch((e: unknown) => e)).toMatchObject({ retryable: false, code: "auth_error" });
  });

  it("tests the connection by fetching the account", async () => {
    expect(await create().testConnection!()).toEqual({ ok: true, message: 'Connected to the Twilio account "Acme"' });
    expect(fake.requests.at(-1)!.path).toBe(`/2010-04-01/Accounts/${ACCOUNT_SID}.json`);
    expect(await create({ authToken: "ffffffffffffffffffffffffffffffff" }).testConnection!()).toMatchObject({ ok: false, message: expect.stringMatching(/Authenticate/) });
  });

  it("maps status callbacks, verified against the configured URL or the request's own", async () => {
    const sender = create();
    const parse = (params: Record<string, string>, requestUrl?: string) => sender.parseWebhook!(statusCallback(AUTH_TOKEN, callbackUrl, { ...delivered, ...params }, requestUrl));
    expect(await parse({}, "http://127.0.0.1:3000/api/webhooks/channels/ch_1")).toEqual([{ type: "delivered", providerMessageId: "SM123" }]);
    expect(await parse({ MessageStatus: "undelivered", ErrorCode: "30006" })).toMatchObject([{ type: "bounced", permanent: true }]);
    expect(await parse({ MessageStatus: "failed", ErrorCode: "21610" })).toMatchObject([{ type: "unsubscribed" }]);
    expect(await parse({ MessageStatus: "undelivered", ErrorCode: "30003" })).toMatchObject([{ type: "failed", reason: "Twilio error 30003" }]);
    expect(await parse({ MessageStatus: "sent" })).toEqual([]);
    const noConfiguredUrl = create({ statusCallbackUrl: undefined });
    const other = "https://other.test/api/webhooks/channels/ch_1";
    expect(await noConfiguredUrl.parseWebhook!(statusCallback(AUTH_TOKEN, other, delivered))).toHaveLength(1);
  });
});
