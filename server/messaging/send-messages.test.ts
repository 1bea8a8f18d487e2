import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { messageEvents, messages, messagingSettings, profileConsents, profileIdentities, profiles, suppressions } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { startFakeServer } from "@/plugins/sdk/testing/fake-server";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { createTeam } from "@/test/fixtures";
import { sendingLeaseMs } from "./claim-message";
import { sendMessages, type TSendShared } from "./send-messages";

const EMAIL = { subject: "Hi {{ profile.firstName }}", html: "<p>Hello {{ profile.firstName }}</p>" };
let workspaceId: string;
let executor: Awaited<ReturnType<typeof createAppExecutor>>;

beforeAll(async () => {
  workspaceId = (await createTeam("Batch sends")).workspace.id;
  executor = await createAppExecutor(); // not started: published events are stored, so they can be counted
});

/** Profiles with an email each (none for `noEmail`), in order. */
async function people(n: number, noEmail: number[] = []) {
  const db = await getDb();
  const rows = await db.insert(profiles).values(Array.from({ length: n }, (_, i) => ({ workspaceId, attributes: { firstName: `P${i}` } }))).returning({ id: profiles.id });
  const withEmail = rows.map((r, i) => ({ ...r, i })).filter((r) => !noEmail.includes(r.i));
  await db.insert(profileIdentities).values(withEmail.map((r) => ({ workspaceId, namespace: "email" as const, value: `p${r.i}-${r.id.slice(0, 6)}@example.com`, profileId: r.id })));
  return rows.map((r) => r.id);
}

const batch = (source: string, ids: string[], over: Partial<TSendShared> = {}) => ({ workspaceId, kind: "email", content: EMAIL, cacheKey: "batch-test:1", source: { type: "campaign" as const, id: source, stepId: "send" }, targets: ids.map((profileId) => ({ profileId })), ...over });

async function historyOf(ids: string[]) {
  const db = await getDb();
  const rows = await db.select({ messageId: messageEvents.messageId, type: messageEvents.type }).from(messageEvents).where(inArray(messageEvents.messageId, ids));
  return ids.map((id) => rows.filter((r) => r.messageId === id).map((r) => r.type));
}

describe("sendMessages: many recipients in a few statements", () => {
  it("applies every rule per recipient, stores every history and publishes in one send", async () => {
    const db = await getDb();
    const ids = await people(6, [3]);
    const [address] = await db.select({ value: profileIdentities.value }).from(profileIdentities).where(eq(profileIdentities.profileId, ids[1]!));
    await db.insert(suppressions).values({ workspaceId, channel: "email", address: address!.value, reason: "bounced" });
    await db.insert(profileConsents).values({ workspaceId, profileId: ids[2]!, channel: "email", status: "unsubscribed" });
    await db.insert(messagingSettings).values({ workspaceId, frequencyCap: { max: 1, hours: 24 } });
    await db.insert(messages).values({ workspaceId, profileId: ids[4]!, pluginId: "dev-inbox", kind: "email", sourceType: "journey", idempotencyKey: "earlier", status: "sent", sentAt: new Date() });
    const send = vi.spyOn(executor, "send");
    const hears = vi.spyOn(executor, "hears").mockResolvedValue(true); // as when a journey waits for a reaction
    try {
      const result = await sendMessages(batch("mixed", ids));
      expect(result.outcomes.map((o) => o?.status)).toEqual(["delivered", "suppressed", "suppressed", "failed", "deferred", "delivered"]);
      expect(result.outcomes[3]!.error).toBe("Not reachable: no email address");
      expect(result.outcomes[4]!.deferredUntil!.getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
      expect(result).toMatchObject({ heldUntil: null, retryable: null });
      const messageIds = result.outcomes.map((o) => o!.messageId);
      expect(await historyOf(messageIds)).toEqual([["sent", "delivered"], ["suppressed"], ["suppressed"], ["failed"], ["deferred"], ["sent", "delivered"]]);
      const [row] = await db.select().from(messages).where(eq(messages.id, messageIds[0]!));
      expect(row).toMatchObject({ status: "delivered", recipient: expect.stringMatching(/^p0-/), providerMessageId: `dev-inbox:${messageIds[0]}` });
      expect(row!.content).toMatchObject({ subject: "Hi P0" });
      expect(send).toHaveBeenCalledTimes(1);
      const published = [send.mock.calls[0]![0]].flat().filter((e) => e.name === "parcours/message.event" && e.data?.sourceId === "mixed");
      expect(published).toHaveLength(8);
    } finally {
      send.mockRestore();
      hears.mockRestore();
      await db.delete(messagingSettings).where(eq(messagingSettings.workspaceId, workspaceId));
    }
  });

  it("publishes no message event when no function or run would act on it", async () => {
    const send = vi.spyOn(executor, "send");
    try {
      const result = await sendMessages(batch("unheard", await people(3)));
      expect(result.outcomes.map((o) => o?.status)).toEqual(["delivered", "delivered", "delivered"]);
      expect(await executor.hears("parcours/message.event")).toBe(false);
      expect(send).not.toHaveBeenCalled();
    } finally {
      send.mockRestore();
    }
  });

  it("sent again, finds every message and sends nothing new", async () => {
    const ids = await people(30);
    const first = await sendMessages(batch("again", ids));
    const second = await sendMessages(batch("again", ids));
    expect(second.outcomes.map((o) => o?.messageId)).toEqual(first.outcomes.map((o) => o?.messageId));
    expect((await historyOf(first.outcomes.map((o) => o!.messageId))).every((h) => h.join() === "sent,delivered")).toBe(true);
  });

  it("leaves a message another worker holds until its lease ends, then takes it over", async () => {
    const db = await getDb();
    const ids = await people(3);
    const now = new Date();
    await db.insert(messages).values({ workspaceId, profileId: ids[1]!, pluginId: "dev-inbox", kind: "email", sourceType: "campaign", sourceId: "held", stepId: "send", idempotencyKey: `campaign:held:send:${ids[1]}`, status: "sending", updatedAt: now });
    const first = await sendMessages(batch("held", ids, { now }));
    expect(first.outcomes.map((o) => o?.status ?? null)).toEqual(["delivered", null, "delivered"]);
    expect(first.heldUntil!.getTime()).toBe(now.getTime() + sendingLeaseMs());
    const later = await sendMessages(batch("held", ids, { now: first.heldUntil! }));
    expect(later.outcomes.map((o) => o?.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(later.heldUntil).toBeNull();
  });

  it("queues every message on a retryable provider error, and sends each once when it passes", async () => {
    const ids = await people(5);
    let fail = true;
    const server = allowPrivateHost(await startFakeServer(() => (fail ? { status: 503, body: "busy" } : { status: 200, body: '{"id":"prov"}' })));
    try {
      const config = await createConfiguration(workspaceId, { name: `Hook ${crypto.randomUUID().slice(0, 4)}`, pluginId: "webhook", settings: { url: server.url, secret: "0123456789abcdef" } }, cliActor);
      const hook = batch("retry", ids, { kind: "webhook", configurationId: config.id, content: { payload: { hello: "{{ profile.firstName }}" } } });
      const failed = await sendMessages(hook);
      expect(failed.retryable).toMatchObject({ retryable: true });
      expect(failed.outcomes.every((o) => o?.status === "queued")).toBe(true);
      fail = false;
      const ok = await sendMessages(hook);
      expect(ok.retryable).toBeNull();
      expect(ok.outcomes.every((o) => o?.status === "sent")).toBe(true);
      expect(await historyOf(ok.outcomes.map((o) => o!.messageId))).toEqual(ids.map(() => ["retried", "sent"]));
      const keys = server.requests.map((r) => r.headers["idempotency-key"]).sort();
      expect(keys).toEqual(ok.outcomes.flatMap((o) => [o!.messageId, o!.messageId]).sort());
    } finally {
      await server.close();
    }
  });
});
