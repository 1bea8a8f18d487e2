import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ChannelError, REFUSED_ADDRESS_MESSAGE } from "../sdk";
import { allowPrivateHost, runPluginContract, startFakeServer, startInternalTarget, stubDns, type TInternalTarget, type TRecordedRequest, type THttpFake } from "../sdk/testing";
import slack from "./index";

const PATH = "/services/T000/B000/XXXX";
const message = { text: "Deploy finished for Ada", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*Deploy* finished" } }] };
const recipient = { profileId: "p_1" };
const ZPayload = z.strictObject({ text: z.string().min(1), blocks: z.array(z.object({ type: z.string() })).optional() });

/** Slack's incoming webhook as documented: plain-text answers, "no_text" for an empty message. */
function incomingWebhook(request: TRecordedRequest) {
  if (request.path !== PATH) return { status: 404, body: "no_service" };
  const body = request.json() as { text?: unknown };
  if (body.text === undefined) return { status: 400, body: "no_text" };
  return ZPayload.safeParse(body).success ? { body: "ok" } : { status: 400, body: "invalid_payload" };
}
const startFakeSlack = () => startFakeServer(incomingWebhook, { failureBody: (code) => (code === 429 ? "rate_limited" : code >= 500 ? "rollup_error" : "invalid_token") });

runPluginContract({
  plugin: slack,
  folder: import.meta.dirname,
  fake: startFakeSlack,
  settings: {
    valid: (fake) => ({ webhookUrl: `${fake.url}${PATH}` }),
    invalid: [
      { settings: { webhookUrl: "" }, path: "webhookUrl" },
      { settings: { webhookUrl: "http://hooks.example.com/services/x" }, path: "webhookUrl" },
      { settings: { webhookUrl: "http://127.0.0.1:3450/services/x" }, path: "webhookUrl" },
      { settings: { webhookUrl: "https://169.254.169.254/latest/meta-data/" }, path: "webhookUrl" },
      { settings: { webhookUrl: "https://[fd00:ec2::254]/" }, path: "webhookUrl" },
    ],
    secrets: ["webhookUrl"],
    unreachable: (port) => ({ webhookUrl: `http://127.0.0.1:${port}${PATH}` }),
  },
  sample: { message, recipient },
  idempotency: "not-forwarded",
});

describe("slack", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeSlack())));
  afterAll(() => fake.close());
  const context = { idempotencyKey: "k", signal: new AbortController().signal };

  it("posts text and blocks as Slack expects them", async () => {
    await slack.create({ webhookUrl: `${fake.url}${PATH}` }).send(message, recipient, context);
    expect(fake.requests.at(-1)!.json()).toEqual(message);
    await slack.create({ webhookUrl: `${fake.url}${PATH}` }).send({ text: "plain" }, recipient, context);
    expect(fake.requests.at(-1)!.json()).toEqual({ text: "plain" });
  });

  it("keeps Slack's error code: an invalid payload is permanent", async () => {
    const error = await slack.create({ webhookUrl: `${fake.url}${PATH}` }).send({ text: "x", blocks: [{}] }, recipient, context).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, code: "invalid_payload" });
  });

  it("tests the URL without posting, and reports a revoked one", async () => {
    const before = fake.sends.length;
    expect(await slack.create({ webhookUrl: `${fake.url}${PATH}` }).testConnection!()).toMatchObject({ ok: true });
    expect(fake.sends.length).toBe(before);
    const revoked = await slack.create({ webhookUrl: `${fake.url}/services/T000/B000/GONE` }).testConnection!();
    expect(revoked).toMatchObject({ ok: false, message: expect.stringContaining("no_service") });
  });

  it("is a kind of its own, reachable for every profile", () => {
    expect(slack.channelKind?.id).toBe("slack");
    expect(slack.channelKind?.reachable({ profileId: "p_9" })).toBe(true);
    expect(slack.channelKind?.content.safeParse({ text: "" }).success).toBe(false);
  });
});

describe("slack: internal addresses", () => {
  let target: TInternalTarget;
  let redirector: THttpFake;
  beforeAll(async () => {
    target = await startInternalTarget();
    // Stands in for a public endpoint (hence allowed) that redirects to the internal one.
    redirector = allowPrivateHost(await startFakeServer(() => ({ status: 302, headers: { location: `http://127.0.0.1:${target.port}${PATH}` } })));
  });
  afterAll(async () => Promise.all([target.close(), redirector.close()]));
  afterEach(() => void vi.restoreAllMocks());
  const context = { idempotencyKey: "k", signal: new AbortController().signal };
  // Built without the settings check (which refuses literal addresses): the send itself must refuse.
  const sendTo = (webhookUrl: string) => slack.create({ webhookUrl }).send(message, recipient, context).catch((e: unknown) => e);

  it.each(["127.0.0.1", "localhost", "[::1]"])("posts nothing to %s, and the connection test says only that the address is refused", async (host) => {
    const webhookUrl = `http://${host}:${target.port}${PATH}`;
    expect(await sendTo(webhookUrl)).toMatchObject({ retryable: false, code: "address_refused" });
    expect(await slack.create({ webhookUrl }).testConnection!()).toEqual({ ok: false, message: `Slack: ${REFUSED_ADDRESS_MESSAGE}` });
    expect(target.hits).toEqual([]);
  });

  it("posts nothing to a name that resolves to 127.0.0.1, nor through a redirect", async () => {
    stubDns({ "hooks.example.test": [["127.0.0.1"]] });
    expect(slack.settings.safeParse({ webhookUrl: `https://hooks.example.test:${target.port}${PATH}` }).success).toBe(true);
    expect(await sendTo(`https://hooks.example.test:${target.port}${PATH}`)).toMatchObject({ retryable: false, code: "address_refused" });
    expect(await sendTo(`${redirector.url}${PATH}`)).toMatchObject({ retryable: false, code: "http_302" });
    expect(target.hits).toEqual([]);
  });

  it("reaches an allow-listed local relay over http", async () => {
    const webhookUrl = allowPrivateHost(`http://127.0.0.1:${target.port}${PATH}`);
    expect(slack.settings.safeParse({ webhookUrl }).success).toBe(true);
    await slack.create({ webhookUrl }).send({ text: "hi" }, recipient, context);
    expect(target.hits).toEqual([`POST ${PATH}`]);
  });
});
