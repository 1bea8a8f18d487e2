import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { REFUSED_ADDRESS_MESSAGE } from "../sdk";
import { allowPrivateHost, runPluginContract, startFakeServer, startInternalTarget, stubDns, type THttpFake, type TInternalTarget } from "../sdk/testing";
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
      { settings: { url: "http://169.254.169.254/latest/meta-data/", secret }, path: "url" },
      { settings: { url: "http://localhost:3450/", secret }, path: "url" },
      { settings: { url: "http://[::ffff:127.0.0.1]:5432/", secret }, path: "url" },
    ],
    secrets: ["secret"],
  },
  sample: { message, recipient },
  idempotency: "forwarded",
});

describe("webhook", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = allowPrivateHost(await startReceiver())));
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

describe("webhook: internal addresses", () => {
  let target: TInternalTarget;
  let redirector: THttpFake;
  beforeAll(async () => {
    target = await startInternalTarget();
    // Stands in for a public endpoint (hence allowed) that redirects to the internal one.
    redirector = allowPrivateHost(await startFakeServer(() => ({ status: 307, headers: { location: `http://127.0.0.1:${target.port}/stolen` } })));
  });
  afterAll(async () => Promise.all([target.close(), redirector.close()]));
  afterEach(() => void vi.restoreAllMocks());
  // Built without the settings check (which refuses literal addresses): the send itself must refuse.
  const sendTo = (url: string) => webhook.create({ url, secret }).send(message, recipient, { idempotencyKey: "k", signal: new AbortController().signal }).catch((e: unknown) => e);

  it.each(["127.0.0.1", "localhost", "[::1]"])("sends nothing to %s", async (host) => {
    expect(await sendTo(`http://${host}:${target.port}/hook`)).toMatchObject({ retryable: false, code: "address_refused", message: `Webhook endpoint: ${REFUSED_ADDRESS_MESSAGE}` });
    expect(target.hits).toEqual([]);
  });

  it("sends nothing to a name that resolves to 127.0.0.1, nor through a redirect", async () => {
    stubDns({ "hooks.example.test": [["127.0.0.1"]] });
    expect(webhook.settings.safeParse({ url: `http://hooks.example.test:${target.port}/hook`, secret }).success).toBe(true);
    expect(await sendTo(`http://hooks.example.test:${target.port}/hook`)).toMatchObject({ retryable: false, code: "address_refused" });
    expect(await sendTo(`${redirector.url}/hook`)).toMatchObject({ retryable: false, code: "http_307" });
    expect(target.hits).toEqual([]);
  });

  it("reaches an allow-listed local receiver", async () => {
    const url = allowPrivateHost(`http://127.0.0.1:${target.port}/hook`);
    expect(webhook.settings.safeParse({ url, secret }).success).toBe(true);
    expect(await sendTo(url)).toMatchObject({ status: "sent" });
    expect(target.hits).toEqual(["POST /hook"]);
  });
});
