import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelError } from "../sdk";
import { allowPrivateHost, runPluginContract } from "../sdk/testing";
import pushFcm from "./index";
import { FAKE_PROJECT, serviceAccountJson, startFakeFcm, type TFakeFcm } from "./testing/fake-fcm";

const message = { title: "Back in stock", body: "The blue mug is back", imageUrl: "https://acme.test/mug.png", url: "https://acme.test/mug", data: { sku: "mug-1" } };
const recipient = { profileId: "p_1", fcmTokens: ["device-token-1"] };
const context = () => ({ idempotencyKey: "k1", signal: new AbortController().signal });
const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();

runPluginContract({
  plugin: pushFcm,
  folder: import.meta.dirname,
  fake: startFakeFcm,
  settings: {
    valid: (fake) => ({ serviceAccountJson: serviceAccountJson(fake.url), baseUrl: fake.url }),
    invalid: [
      { settings: { serviceAccountJson: "" }, path: "serviceAccountJson" },
      { settings: { serviceAccountJson: "{not json" }, path: "serviceAccountJson" },
      { settings: { serviceAccountJson: JSON.stringify({ project_id: "p", client_email: "a@b.co", private_key: "nope" }) }, path: "serviceAccountJson" },
      { settings: { serviceAccountJson: serviceAccountJson("http://x"), baseUrl: "fcm" }, path: "baseUrl" },
      { settings: { serviceAccountJson: serviceAccountJson("http://x"), baseUrl: "http://[fd00:ec2::254]/" }, path: "baseUrl" },
    ],
    secrets: ["serviceAccountJson"],
    unreachable: (port) => ({ serviceAccountJson: serviceAccountJson(`http://127.0.0.1:${port}`), baseUrl: `http://127.0.0.1:${port}` }),
  },
  sample: { message, recipient },
  idempotency: "not-forwarded",
});

describe("push-fcm against a fake FCM", () => {
  let fake: TFakeFcm;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeFcm())));
  afterAll(() => fake.close());
  const create = (json = serviceAccountJson(fake.url)) => pushFcm.create(pushFcm.settings.parse({ serviceAccountJson: json, baseUrl: fake.url }));

  it("signs in with the service account, then posts the v1 message with the Bearer token", async () => {
    const result = await create().send(message, recipient, context());
    const [token, send] = fake.requests.slice(-2);
    expect([token!.path, token!.headers["content-type"]]).toEqual(["/token", "application/x-www-form-urlencoded"]);
    expect([send!.path, send!.headers.authorization]).toEqual([`/v1/projects/${FAKE_PROJECT}/messages:send`, expect.stringMatching(/^Bearer ya29\.fake-\d+$/)]);
    expect(send!.json()).toEqual({
      message: {
        token: "device-token-1",
        notification: { title: "Back in stock", body: "The blue mug is back", image: "https://acme.test/mug.png" },
        data: { sku: "mug-1", url: "https://acme.test/mug" },
        webpush: { fcm_options: { link: "https://acme.test/mug" } },
      },
    });
    expect(result).toEqual({ status: "sent", providerMessageId: expect.stringMatching(new RegExp(`^projects/${FAKE_PROJECT}/messages/`)) });
  });

  it("caches the access token across sends and shares one exchange between concurrent sends", async () => {
    const sender = create();
    const before = fake.exchanges();
    await Promise.all([0, 1, 2].map(() => sender.send(message, recipient, context())));
    await sender.send(message, recipient, context());
    expect(fake.exchanges()).toBe(before + 1);
  });

  it("sends to every token: sent when one takes it, token_gone (permanent) when none is left", async () => {
    const sender = create();
    expect(await sender.send(message, { profileId: "p_1", fcmTokens: ["gone-1", "device-2"] }, context())).toMatchObject({ status: "sent" });
    const error = await sender.send(message, { profileId: "p_1", fcmTokens: ["gone-1", "bad-2"] }, context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, code: "token_gone" });
  });

  it("classifies FCM's refusals by status and error code", async () => {
    const sender = create();
    for (const [code, retryable, name] of [[503, true, "unavailable"], [429, true, "resource_exhausted"], [401, false, "unauthenticated"]] as const) {
      fake.failWith(code);
      const error = await sender.send(message, recipient, context()).catch((e: unknown) => e).finally(() => fake.failWith(null));
      expect(error).toMatchObject({ retryable, code: name });
    }
  });

  it("refuses a key the token endpoint does not know, permanently, and tests the connection", async () => {
    const wrong = create(serviceAccountJson(fake.url, otherKey));
    await expect(wrong.send(message, recipient, context())).rejects.toMatchObject({ retryable: false, code: "http_400" });
    expect(await wrong.testConnection!()).toMatchObject({ ok: false, message: expect.stringMatching(/invalid_grant/) });
    expect(await create().testConnection!()).toEqual({ ok: true, message: `Signed in as parcours@${FAKE_PROJECT}.iam.gserviceaccount.com for project ${FAKE_PROJECT}` });
  });

  it("leaves out what the message does not have", async () => {
    await create().send({ title: "Hi", body: "", data: {} }, recipient, context());
    expect(fake.requests.at(-1)!.json()).toEqual({ message: { token: "device-token-1", notification: { title: "Hi", body: "" } } });
  });
});
