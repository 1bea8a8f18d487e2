import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messageEvents, messages, messagingSettings, profileIdentities, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam, optInToSms } from "@/test/fixtures";
import { capsFor } from "./frequency-caps";
import { updateMessagingSettings } from "./messaging-settings";
import { sendMessages } from "./send-messages";

let workspaceId: string;

beforeAll(async () => {
  workspaceId = (await createTeam("Caps")).workspace.id;
});

async function people(n: number) {
  const db = await getDb();
  const rows = await db.insert(profiles).values(Array.from({ length: n }, () => ({ workspaceId, attributes: {} }))).returning({ id: profiles.id });
  await db.insert(profileIdentities).values(rows.flatMap((r, i) => [
    { workspaceId, namespace: "email" as const, value: `c${i}-${r.id.slice(0, 8)}@example.com`, profileId: r.id },
    { workspaceId, namespace: "phone" as const, value: `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`, profileId: r.id },
  ]));
  await optInToSms(workspaceId, rows.map((r) => r.id));
  return rows.map((r) => r.id);
}

const send = (kind: "email" | "sms", source: string, ids: string[], capExempt = false) =>
  sendMessages({ workspaceId, kind, content: kind === "email" ? { subject: "Hi", html: "<p>Hi</p>" } : { text: "Hi" }, source: { type: "campaign", id: source, stepId: "send" }, capExempt, targets: ids.map((profileId) => ({ profileId })) });
const statuses = (r: Awaited<ReturnType<typeof send>>) => r.outcomes.map((o) => o?.status);

describe("frequency caps: global and per channel", () => {
  it("a channel's cap holds that channel only; the global cap holds them all; exempt messages pass and count", async () => {
    await updateMessagingSettings(workspaceId, { frequencyCap: { max: 3, hours: 24 }, channelCaps: { email: { max: 1, hours: 24 } }, quietHours: null, defaultTimezone: "UTC" }, cliActor);
    const [id] = await people(1);
    expect(statuses(await send("email", "e1", [id!]))).toEqual(["delivered"]);
    const second = await send("email", "e2", [id!]);
    expect(statuses(second)).toEqual(["deferred"]);
    expect(second.outcomes[0]!.deferredUntil!.getTime()).toBeGreaterThan(Date.now() + 23.9 * 3_600_000);
    expect(statuses(await send("sms", "s1", [id!]))).toEqual(["delivered"]);
    expect(statuses(await send("email", "e3", [id!], true))).toEqual(["delivered"]);
    // email, sms and the exempt email: the global cap of 3 is reached for every channel.
    const sms = await send("sms", "s2", [id!]);
    expect(statuses(sms)).toEqual(["deferred"]);
    const db = await getDb();
    const [history] = await db.select({ data: messageEvents.data }).from(messageEvents).where(eq(messageEvents.messageId, sms.outcomes[0]!.messageId));
    expect(history!.data).toMatchObject({ reason: "Frequency cap: 3 messages per 24 h" });
    const [emailHistory] = await db.select({ data: messageEvents.data }).from(messageEvents).where(eq(messageEvents.messageId, second.outcomes[0]!.messageId));
    expect(emailHistory!.data).toMatchObject({ reason: "Frequency cap: 1 email messages per 24 h" });
  });

  it("ten sends racing for the same profiles take one email slot each, never more", async () => {
    await updateMessagingSettings(workspaceId, { frequencyCap: null, channelCaps: { email: { max: 1, hours: 24 } }, quietHours: null, defaultTimezone: "UTC" }, cliActor);
    const ids = await people(20);
    // Half of them in the other order: the locks are taken in key order, so no deadlock either.
    const orders = Array.from({ length: 10 }, (_, n) => (n % 2 ? [...ids].reverse() : ids));
    const results = await Promise.all(orders.map((order, n) => send("email", `race-${n}`, order)));
    const delivered = new Map<string, number>();
    results.forEach((r, n) => r.outcomes.forEach((o, i) => o?.status === "delivered" && delivered.set(orders[n]![i]!, (delivered.get(orders[n]![i]!) ?? 0) + 1)));
    expect(ids.map((id) => delivered.get(id))).toEqual(ids.map(() => 1));
    expect(results.flatMap((r) => r.outcomes).filter((o) => o?.status === "deferred")).toHaveLength(9 * 20);
  });

  it("without a cap nothing is locked or reserved; capsFor reads the settings", async () => {
    const db = await getDb();
    await db.delete(messagingSettings).where(eq(messagingSettings.workspaceId, workspaceId));
    const ids = await people(3);
    const r = await send("email", "free", ids);
    expect(statuses(r)).toEqual(["delivered", "delivered", "delivered"]);
    const rows = await db.select({ cappedAt: messages.cappedAt }).from(messages).where(eq(messages.sourceId, "free"));
    expect(rows.every((m) => m.cappedAt === null)).toBe(true);
    expect(capsFor({ frequencyCap: { max: 5, hours: 1 }, channelCaps: { sms: { max: 1, hours: 2 } } }, "sms")).toEqual([{ max: 5, hours: 1, kind: null }, { max: 1, hours: 2, kind: "sms" }]);
    expect(capsFor({ frequencyCap: null, channelCaps: { sms: { max: 1, hours: 2 } } }, "email")).toEqual([]);
  });
});
