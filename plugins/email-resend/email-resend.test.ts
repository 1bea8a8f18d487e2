import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelError } from "../sdk";
import { allowPrivateHost, runPluginContract, type THttpFake } from "../sdk/testing";
import emailResend from "./index";
import { FAKE_API_KEY, newWebhookSecret, resendWebhook, startFakeResend } from "./testing/fake-resend";

const webhookSecret = newWebhookSecret();
const base = { apiKey: FAKE_API_KEY, fromName: "Acme", fromAddress: "hello@acme.test", webhookSecret };
const message = { subject: "Welcome", html: "<p>Hi Ada</p>", text: "Hi Ada", headers: { "List-Unsubscribe": "<https://parcours.test/u/abc>" } };
const recipient = { profileId: "p_1", email: "ada@example.com" };
const bounce = { type: "email.bounced", data: { email_id: "em_1", bounce: { type: "Permanent", subType: "General", message: "No such user" } } };

runPluginContract({
  plugin: emailResend,
  folder: import.meta.dirname,
  fake: startFakeResend,
  settings: {
    valid: (fake) => ({ ...base, baseUrl: fake.url }),
    invalid: [
      { settings: { ...base, apiKey: "sk_live_1" }, path: "apiKey" },
      { settings: { ...base, fromAddress: "acme" }, path: "fromAddress" },
      { settings: { ...base, webhookSecret: "secret" }, path: "webhookSecret" },
      { settings: { ...base, baseUrl: "http://localhost:5432/" }, path: "baseUrl" },
    ],
    secrets: ["apiKey", "webhookSecret"],
    unreachable: (port) => ({ ...base, baseUrl: `http://127.0.0.1:${port}` }),
  },
  sample: { message, recipient },
  idempotency: "forwarded",
  webhook: {
    signed: () => resendWebhook(webhookSecret, bounce),
    events: ["bounced"],
    forged: () => [resendWebhook(newWebhookSecret(), bounce), resendWebhook(webhookSecret, bounce, new Date(Date.now() - 10 * 60_000))],
  },
});

describe("email-resend against a fake Resend API", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeResend())));
  afterAll(() => fake.close());
  const create = (extra: object = {}) => emailResend.create(emailResend.settings.parse({ ...base, baseUrl: fake.url, ...extra }));
  const context = { idempotencyKey: "step-7:p_1", signal: new AbortController().signal };

  it("posts the email with the Bearer key and the idempotency key", async () => {
    const result = await create({ replyTo: "support@acme.test" }).send(message, recipient, context);
    const request = fake.requests.at(-1)!;
    expect([request.method, request.path, request.headers.authorization, request.headers["idempotency-key"]]).toEqual(["POST", "/emails", `Bearer ${FAKE_API_KEY}`, "step-7:p_1"]);
    expect(request.json()).toEqual({ from: '"Acme" <hello@acme.test>', to: ["ada@example.com"], reply_to: "support@acme.test", ...message });
    expect(result).toEqual({ status: "sent", providerMessageId: expect.any(String) });
  });

  it("refuses a wrong key as permanent, with Resend's error name", async () => {
    const error = await create({ apiKey: "re_wrong" }).send(message, recipient, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, code: "invalid_api_key" });
  });

  it("sends a batch, leaving profiles without an email out with their own error", async () => {
    const items = [recipient, { profileId: "p_2" }, { profileId: "p_3", email: "bo@example.com" }].map((r, i) => ({ message, recipient: r, idempotencyKey: `k${i}` }));
    const results = await create().sendBatch!(items, new AbortController().signal);
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/emails/batch");
    expect((request.json() as { to: string[] }[]).map((e) => e.to)).toEqual([["ada@example.com"], ["bo@example.com"]]);
    expect(request.headers["idempotency-key"]).toMatch(/^batch-[0-9a-f]{64}$/);
    expect(results.map((r) => (r instanceof Error ? (r as ChannelError).code : r.status))).toEqual(["sent", "no_address", "sent"]);
  });

  it("maps Resend's webhook events, and ignores the ones that change nothing", async () => {
    const sender = create();
    const parse = (type: string, data: object = {}) => sender.parseWebhook!(resendWebhook(webhookSecret, { type, data: { email_id: "em_9", ...data } }));
    expect(await parse("email.delivered")).toMatchObject([{ type: "delivered", providerMessageId: "em_9" }]);
    expect(await parse("email.bounced", { bounce: { type: "Transient", message: "Mailbox full" } })).toMatchObject([{ type: "bounced", permanent: false, reason: "Mailbox full" }]);
    expect(await parse("email.complained")).toMatchObject([{ type: "complained" }]);
    expect(await parse("email.opened")).toMatchObject([{ type: "opened" }]);
    expect(await parse("email.clicked", { click: { link: "https://acme.test/p" } })).toMatchObject([{ type: "clicked", url: "https://acme.test/p" }]);
    expect(await parse("email.suppressed")).toMatchObject([{ type: "bounced", permanent: true }]);
    expect(await parse("email.sent")).toEqual([]);
    expect(await parse("contact.created")).toEqual([]);
  });

  it("refuses webhooks when no signing secret is configured", async () => {
    await expect(create({ webhookSecret: undefined }).parseWebhook!(resendWebhook(webhookSecret, bounce))).rejects.toThrow(/no webhook signing secret/);
  });
});
