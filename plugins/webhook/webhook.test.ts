import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { runPluginContract, startFakeServer, type THttpFake } from "../sdk/testing";
import webhook, { parseHeaderLines } from "./index";
import { signatureFor, verifySignature } from "./signature";

const secret = "whsk-0123456789abcdef";
const message = { payload: { event: "cart.abandoned", items: 2 } };
const recipient = { profileId: "p_1", email: "ada@example.com", attributes: { plan: "pro" } };
const ZBody = z.strictObject({ idempotencyKey: z.string().min(1), message: z.object({ payload: z.record(z.string(), z.unknown()) }), recipient: z.object({ profileId: z.string() }) });

/** A receiver that does what our docs tell receivers to do: verify, then read the body. */
const startReceiver = () =>
  startFakeServer((request) => {
    if (!verifySignature(secret, request.body, request.headers["x-parcours-signature"] ?? null)) return { status: 401, body: "bad signature" };
    return ZBody.safeParse(request.json()).success ? { body: { id: "rcv_1" } } : { status: 422, body: "bad body" };
  });

runPluginContract({
  plugin: webhook,
  folder: import.meta.dirname,
  fake: startReceiver,
  settings: {
    valid: (fake) => ({ url: `${fake.url}/hooks`, secret, headers: "Authorization: Bearer t0k" }),
    invalid: [
      { settings: { url: "ftp://example.com", secret }, path: "url" },
      { settings: { url: "https://example.com", secret: "short" }, path: "secret" },
      { settings: { url: "https://example.com", secret, headers: "not a header" }, path: "headers" },
      { settings: { url: "https://example.com", secret, headers: "X-Parcours-Signature: forged" }, path: "headers" },
    ],
    secrets: ["secret"],
  },
  sample: { message, recipient },
  idempotency: "forwarded",
});

describe("webhook", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = await startReceiver()));
  afterAll(() => fake.close());

  it("posts the message, the recipient and the key, signed, with the extra headers", async () => {
    const sender = webhook.create(webhook.settings.parse({ url: `${fake.url}/hooks`, secret, headers: "Authorization: Bearer t0k\nX-Team: growth" }));
    const result = await sender.send(message, recipient, { idempotencyKey: "step-3:p_1", signal: new AbortController().signal });
    const request = fake.requests.at(-1)!;
    expect(request.path).toBe("/hooks");
    expect(request.headers).toMatchObject({ authorization: "Bearer t0k", "x-team": "growth", "content-type": "application/json", "idempotency-key": "step-3:p_1" });
    expect(request.json()).toEqual({ idempotencyKey: "step-3:p_1", message, recipient });
    expect(request.headers["x-parcours-signature"]).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(result).toEqual({ status: "sent", providerMessageId: "rcv_1" });
  });

  it("signs so that another secret, another body or an old timestamp does not verify", () => {
    const header = signatureFor(secret, "{}");
    expect(verifySignature(secret, "{}", header)).toBe(true);
    expect(verifySignature("another-secret-123", "{}", header)).toBe(false);
    expect(verifySignature(secret, "{ }", header)).toBe(false);
    expect(verifySignature(secret, "{}", signatureFor(secret, "{}", new Date(Date.now() - 600_000)))).toBe(false);
  });

  it("reads extra header lines, refusing reserved names", () => {
    expect(parseHeaderLines("A: 1\n\n  B-c : two words ")).toEqual({ a: "1", "b-c": "two words" });
    expect(parseHeaderLines("Idempotency-Key: x")).toBeNull();
    expect(parseHeaderLines(undefined)).toEqual({});
  });
});
