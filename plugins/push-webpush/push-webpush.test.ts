import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelError, type TRecipient } from "../sdk";
import { allowPrivateHost, runPluginContract } from "../sdk/testing";
import pushWebpush, { payloadOf } from "./index";
import { startPushService, type TPushServiceFake } from "./testing/push-service";

const keys = webpush.generateVAPIDKeys();
const otherKeys = webpush.generateVAPIDKeys();
const base = { vapidPublicKey: keys.publicKey, vapidPrivateKey: keys.privateKey, subject: "mailto:ops@acme.test" };
const message = { title: "Your cart misses you", body: "2 items are waiting", imageUrl: "https://acme.test/cart.png", url: "https://acme.test/cart", data: { cartId: "c_1" } };
// The subscription only exists once the push service runs: the fake fills it in.
const recipient: TRecipient = { profileId: "p_1", webPushSubscriptions: [] };
const context = () => ({ idempotencyKey: `k-${Math.random()}`, signal: new AbortController().signal });

runPluginContract({
  plugin: pushWebpush,
  folder: import.meta.dirname,
  fake: async () => {
    const service = await startPushService();
    recipient.webPushSubscriptions!.push(await service.subscribe(keys.publicKey));
    return service;
  },
  settings: {
    valid: () => base,
    invalid: [
      { settings: { ...base, vapidPublicKey: "BAD" }, path: "vapidPublicKey" },
      { settings: { ...base, vapidPrivateKey: keys.publicKey }, path: "vapidPrivateKey" },
      { settings: { ...base, subject: "http://acme.test" }, path: "subject" },
      { settings: { ...base, ttlSeconds: 3_000_000 }, path: "ttlSeconds" },
    ],
    secrets: ["vapidPrivateKey"],
    // Web Push has no central API to reach: the connection test checks the key pair, so a
    // mismatched pair is what fails it.
    unreachable: () => ({ ...base, vapidPrivateKey: otherKeys.privateKey }),
  },
  sample: { message, recipient },
  idempotency: "not-forwarded",
  failures: { retryable: [500, 503, 429], permanent: [400, 404, 410, 413] },
});

describe("push-webpush end to end with web-push-testing", () => {
  let service: TPushServiceFake;
  beforeAll(async () => void (service = allowPrivateHost(await startPushService())));
  afterAll(() => service.close());
  const sender = (extra: object = {}) => pushWebpush.create(pushWebpush.settings.parse({ ...base, iconUrl: "https://acme.test/icon.png", ...extra }));

  it("encrypts the notification for every subscription; each decrypts the exact payload", async () => {
    const [a, b] = [await service.subscribe(keys.publicKey), await service.subscribe(keys.publicKey)];
    const result = await sender({ ttlSeconds: 600 }).send(message, { profileId: "p_1", webPushSubscriptions: [a!, b!] }, context());
    expect(result).toEqual({ status: "sent", providerMessageId: undefined });
    const expected = { title: message.title, body: message.body, icon: "https://acme.test/icon.png", image: message.imageUrl, url: message.url, data: { cartId: "c_1" } };
    expect(await service.received(a!)).toEqual([expected]);
    expect(await service.received(b!)).toEqual([expected]);
    expect(JSON.parse(JSON.stringify(payloadOf(message, "https://acme.test/icon.png")))).toEqual(expected);
    const { headers } = service.sends.at(-1)!;
    expect(headers).toMatchObject({ ttl: "600", "x-content-encoding": "aes128gcm", "content-type": "application/octet-stream" });
    expect(headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${keys.publicKey}$`));
    expect(headers.topic).toMatch(/^[\w-]{32}$/);
  });

  it("gives the same Topic to every attempt of one message", async () => {
    const sub = await service.subscribe(keys.publicKey);
    const ctx = context();
    for (let i = 0; i < 2; i++) await sender().send(message, { profileId: "p_1", webPushSubscriptions: [sub] }, ctx);
    expect(service.sends.at(-1)!.headers.topic).toBe(service.sends.at(-2)!.headers.topic);
  });

  it("is sent when one subscription takes it; subscription_gone (permanent) when all are gone", async () => {
    const [live, gone] = [await service.subscribe(keys.publicKey), await service.subscribe(keys.publicKey)];
    await service.expire(gone!);
    expect(await sender().send(message, { profileId: "p_1", webPushSubscriptions: [gone!, live!] }, context())).toMatchObject({ status: "sent" });
    expect(await service.received(live!)).toHaveLength(1);
    const error = await sender().send(message, { profileId: "p_1", webPushSubscriptions: [gone!] }, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, code: "subscription_gone" });
  });

  it("is refused by the push service when signed with other VAPID keys", async () => {
    const sub = await service.subscribe(otherKeys.publicKey);
    const error = await sender().send(message, { profileId: "p_1", webPushSubscriptions: [sub] }, context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: false, code: "http_400" });
    expect(await service.received(sub)).toEqual([]);
  });

  it("refuses a profile without subscriptions, a broken subscription and an oversized payload", async () => {
    await expect(sender().send(message, { profileId: "p_1" }, context())).rejects.toMatchObject({ retryable: false, code: "no_address" });
    const broken = { endpoint: `${service.url}/notify/x`, keys: { p256dh: "short", auth: "x" } };
    await expect(sender().send(message, { profileId: "p_1", webPushSubscriptions: [broken] }, context())).rejects.toMatchObject({ code: "invalid_subscription" });
    const sub = await service.subscribe(keys.publicKey);
    await expect(sender().send({ ...message, body: "x".repeat(2000), data: { big: "y".repeat(2000) } }, { profileId: "p_1", webPushSubscriptions: [sub] }, context())).rejects.toMatchObject({ code: "payload_too_large" });
  });
});
