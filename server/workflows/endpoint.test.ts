import { eq } from "drizzle-orm";
import { Inngest } from "inngest";
import { serve } from "inngest/next";
import { describe, expect, it } from "vitest";
import { GET, POST, PUT } from "@/app/api/inngest/route";
import { getDb } from "@/db/client";
import { messages } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { embeddedSigningKey, signBody, verifyBody } from "./embedded/signing";

// The serve endpoint as an attacker on the network sees it: app/api/inngest/route.ts in the
// embedded mode (no INNGEST_* variables in the tests).

const URL_RETRY = "http://app.example/api/inngest?fnId=parcours-messages.retry&stepId=step";

/** A made-up Call Request that would send an email through the workspace's real channel. */
async function retryCall() {
  const { workspace } = await createTeam(`Endpoint ${crypto.randomUUID().slice(0, 4)}`);
  const request = {
    workspaceId: workspace.id,
    kind: "email",
    profileId: null,
    content: { subject: "Your invoice", html: "<p>Pay here: https://evil.example</p>" },
    source: { type: "campaign", id: crypto.randomUUID(), stepId: "s" },
    transactional: true,
    to: { email: "victim@example.com" },
  };
  const event = { name: "parcours/message.retry.requested", id: crypto.randomUUID(), ts: Date.now(), data: { workspaceId: workspace.id, request } };
  const body = JSON.stringify({
    event,
    events: [event],
    steps: {},
    ctx: { run_id: crypto.randomUUID(), attempt: 0, max_attempts: 9, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } },
    version: 2,
  });
  const sent = async () => (await getDb()).select({ id: messages.id }).from(messages).where(eq(messages.workspaceId, workspace.id));
  return { body, sent };
}

const post = (body: string, signature?: string) =>
  POST(new Request(URL_RETRY, { method: "POST", body, headers: { "content-type": "application/json", ...(signature ? { "x-inngest-signature": signature } : {}) } }), undefined);

describe("the workflow endpoint, embedded", () => {
  it("refuses an unsigned Call Request with 401 and sends nothing", async () => {
    const { body, sent } = await retryCall();
    const res = await post(body);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: "Unauthorized" });
    expect(await sent()).toEqual([]);
  });

  it("refuses a forged signature, a stale or future one, a signature of another body, and a malformed header", async () => {
    const { body, sent } = await retryCall();
    const key = embeddedSigningKey();
    const otherKey = `signkey-prod-${"0".repeat(64)}`;
    const cases = [
      signBody(body, otherKey),
      signBody(body, key, Date.now() - 6 * 60_000),
      signBody(body, key, Date.now() + 6 * 60_000),
      signBody(`${body} `, key),
      signBody(body, key).replace(/s=[0-9a-f]/, "s=g"),
      `t=${Math.round(Date.now() / 1000)}`,
      "garbage",
    ];
    for (const signature of cases) expect((await post(body, signature)).status, signature).toBe(401);
    expect(await sent()).toEqual([]);
  });

  it("obeys a correctly signed Call Request (the same one sends the email)", async () => {
    const { body, sent } = await retryCall();
    const res = await post(body, signBody(body, embeddedSigningKey()));
    expect(res.status).toBe(206); // the step ran and reports its output
    expect(await sent()).toHaveLength(1);
  });

  it("reveals nothing to an unsigned GET or PUT, as Inngest answers an unauthenticated production request", async () => {
    const res = await GET(new Request("http://app.example/api/inngest"), undefined);
    expect(res.status).toBe(401);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ message: "Unauthorized" });
    expect(text).not.toMatch(/mode|signing|function_count/);

    const put = await PUT(new Request("http://app.example/api/inngest", { method: "PUT", body: JSON.stringify({ url: "http://evil.example/api/inngest" }), headers: { "x-inngest-sync-kind": "in_band" } }), undefined);
    expect(put.status).toBe(401);
    expect(await put.json()).toEqual({ message: "Unauthorized" });

    // Signed, the introspection is the SDK's authenticated one.
    const signed = await GET(new Request("http://app.example/api/inngest", { headers: { "x-inngest-signature": signBody("", embeddedSigningKey()) } }), undefined);
    expect(signed.status).toBe(200);
    expect(await signed.json()).toMatchObject({ authentication_succeeded: true, mode: "cloud" });
  });

  it("cuts an oversized body at its limit before the signature check reads it", async () => {
    const declared = await POST(new Request(URL_RETRY, { method: "POST", body: "{}", headers: { "content-length": String(64 * 1024 * 1024) } }), undefined);
    expect(declared.status).toBe(413);
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024 * 1024));
      },
    });
    const streamed = await POST(new Request(URL_RETRY, { method: "POST", body: endless, duplex: "half" } as RequestInit), undefined);
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(34);
  });

  it("signs as Inngest does: the stock SDK in cloud mode accepts our signature of a canonical body, and refuses our signature of another", async () => {
    const key = embeddedSigningKey();
    const quiet = { info() {}, warn() {}, error() {}, debug() {} };
    const client = new Inngest({ id: "sig", isDev: false, signingKey: key, eventKey: "x", checkpointing: false, logger: quiet, internalLogger: quiet });
    const fn = client.createFunction({ id: "echo", triggers: [{ event: "t/echo" }] }, async ({ event }) => event.data);
    const stock = serve({ client, functions: [fn] }) as unknown as { POST: (req: Request, ctx: unknown) => Promise<Response> };
    // Keys in order at every level: canonical JSON, which is what the SDK re-serializes the parsed body to.
    const body = JSON.stringify({
      ctx: { attempt: 0, disable_immediate_execution: false, max_attempts: 1, run_id: "r1", stack: { current: 0, stack: [] }, use_api: false },
      event: { data: { n: 1 }, name: "t/echo" },
      events: [{ data: { n: 1 }, name: "t/echo" }],
      steps: {},
      version: 2,
    });
    const call = (signature: string) =>
      stock.POST(new Request("http://x/api/inngest?fnId=sig-echo&stepId=step", { method: "POST", body, headers: { "content-type": "application/json", "x-inngest-signature": signature } }), undefined);
    const ok = await call(signBody(body, key));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ n: 1 });
    expect((await call(signBody(body, `signkey-prod-${"1".repeat(64)}`))).status).toBe(401);
    // And the SDK's response signature, made with the same key, checks out with ours.
    const again = await call(signBody(body, key));
    expect(verifyBody(again.headers.get("x-inngest-signature"), await again.text(), key)).toBe(true);
  });
});
