import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profileIdentities, profiles } from "@/db/schema";
import { triggerCampaign } from "@/server/api-campaigns/trigger-campaign";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { runsOf } from "@/server/workflows/embedded/testing/runs";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";

let team: Awaited<ReturnType<typeof createTeam>>;
let executor: EmbeddedExecutor;
let clock: VirtualClock;
const zones = { paris: "Europe/Paris", newYork: "America/New_York", none: null };
type TWho = keyof typeof zones;

// 22:30 UTC tomorrow (a December night): 23:30 in Paris, 17:30 in New York.
const start = new Date();
start.setUTCDate(start.getUTCDate() + 1);
start.setUTCHours(22, 30, 0, 0);
const at = (hours: number, minutes = 0) => new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), hours, minutes)).toISOString();
const nextDay = (hours: number) => new Date(Date.parse(at(hours)) + 86_400_000).toISOString();

async function audienceOf(ws: string) {
  const db = await getDb();
  const audienceId = (await createAudience(ws, { kind: "list", name: `Night ${crypto.randomUUID().slice(0, 6)}` }, cliActor)).id;
  const ids = {} as Record<TWho, string>;
  for (const who of Object.keys(zones) as TWho[]) {
    const [p] = await db.insert(profiles).values({ workspaceId: ws, timezone: zones[who], attributes: { firstName: who } }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: ws, namespace: "email", value: `${who}-${p!.id.slice(0, 6)}@example.com`, profileId: p!.id });
    await db.insert(audienceMembers).values({ audienceId, profileId: p!.id, workspaceId: ws });
    ids[who] = p!.id;
  }
  return { audienceId, ids };
}

async function sendNow(name: string, audienceId: string) {
  const manager = callerFor(team.users.manager);
  const ws = team.workspace.id;
  const c = await manager.campaigns.create({ workspaceId: ws, campaign: { name, type: "scheduled", audienceId, kind: "email", content: { subject: "Hi {{ profile.firstName }}", html: "<p>Hello</p>" }, schedule: { type: "now" } } });
  await manager.campaigns.activate({ workspaceId: ws, campaignId: c.id });
  await executor.drain();
  const db = await getDb();
  const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, c.id));
  const rows = async () => db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, execution!.id)));
  return { campaignId: c.id, rows, report: async () => (await manager.campaigns.report({ workspaceId: ws, campaignId: c.id })).counts! };
}

beforeAll(async () => {
  team = await createTeam("Deferred campaigns");
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: team.workspace.id, required: false });
  await updateMessagingSettings(team.workspace.id, { frequencyCap: null, quietHours: { start: "21:00", end: "08:00" }, defaultTimezone: "UTC" }, cliActor);
  clock = new VirtualClock(start);
  executor = await createAppExecutor({ clock });
});

describe("a campaign's deferred messages are a promise", () => {
  it("quiet hours defer them to each zone's 08:00; the executor's clock reaching it sends each once", async () => {
    const { audienceId, ids } = await audienceOf(team.workspace.id);
    const send = await sendNow("Night send", audienceId);
    const byProfile = async () => new Map((await send.rows()).map((m) => [m.profileId, m]));
    let now = await byProfile();
    expect(now.get(ids.newYork)?.status).toBe("delivered");
    expect(now.get(ids.paris)).toMatchObject({ status: "deferred", deferredUntil: new Date(nextDay(7)) });
    expect(now.get(ids.none)).toMatchObject({ status: "deferred", deferredUntil: new Date(nextDay(8)) });
    expect(await send.report()).toMatchObject({ targeted: 3, sent: 1, deferred: 2, expired: 0 });
    // One run per due minute, each asleep until then.
    const runs = await runsOf("parcours-messages.deferred");
    expect(runs.map((r) => (r.event as { data: { due: string; targets: unknown[] } }).data).map((d) => [d.due, d.targets.length]).sort()).toEqual([[nextDay(7), 1], [nextDay(8), 1]]);

    await executor.advance("8h"); // 06:30 UTC
    expect((await byProfile()).get(ids.paris)?.status).toBe("deferred");
    await executor.advance("1h"); // 07:30 UTC: 08:30 in Paris
    now = await byProfile();
    expect(now.get(ids.paris)?.status).toBe("delivered");
    expect(now.get(ids.none)?.status).toBe("deferred");
    await executor.advance("1h");
    now = await byProfile();
    expect([...now.values()].map((m) => m.status)).toEqual(["delivered", "delivered", "delivered"]);
    expect(await send.report()).toMatchObject({ sent: 3, delivered: 3, deferred: 0 });
    expect((await send.rows()).length).toBe(3);
    expect((await runsOf("parcours-messages.deferred")).every((r) => r.status === "completed")).toBe(true);
  });

  it("a message still deferred when its expiry runs out is expired, and the report says so", async () => {
    const ws = team.workspace.id;
    // A cap of 1 a day: the second campaign waits a day, longer than the 2 hours it may wait.
    await updateMessagingSettings(ws, { frequencyCap: { max: 1, hours: 24 }, quietHours: null, defaultTimezone: "UTC", deferredExpiryHours: 2 }, cliActor);
    const { audienceId, ids } = await audienceOf(ws);
    await sendNow("First of the day", audienceId);
    const second = await sendNow("Second of the day", audienceId);
    expect((await second.rows()).map((m) => m.status)).toEqual(["deferred", "deferred", "deferred"]);
    await executor.advance("1h");
    expect(await second.report()).toMatchObject({ deferred: 3, expired: 0 });
    await executor.advance("2h");
    const rows = await second.rows();
    expect(rows.map((m) => [m.status, m.error])).toEqual(Array(3).fill(["expired", "Not sent before the deferral expired"]));
    expect(await second.report()).toMatchObject({ sent: 0, deferred: 0, expired: 3 });
    const db = await getDb();
    expect(await db.select().from(messages).where(and(inArray(messages.profileId, Object.values(ids)), eq(messages.status, "delivered")))).toHaveLength(3);
  });

  it("a stopped campaign's deferred messages are never sent: they expire when due", async () => {
    const ws = team.workspace.id;
    await updateMessagingSettings(ws, { frequencyCap: null, quietHours: { start: "00:00", end: "23:59" }, defaultTimezone: "UTC" }, cliActor);
    const manager = callerFor(team.users.manager);
    const c = await manager.campaigns.create({ workspaceId: ws, campaign: { name: "Price drop", type: "api", apiMode: "marketing", kind: "email", content: { subject: "Cheaper", html: "<p>Now cheaper</p>" } } });
    await manager.campaigns.activate({ workspaceId: ws, campaignId: c.id });
    const answer = await triggerCampaign(ws, c.id, { recipient: { email: "stopped@example.com" } }, null);
    expect(answer.body).toMatchObject({ status: "deferred" });
    await manager.campaigns.stop({ workspaceId: ws, campaignId: c.id });
    await executor.advance("1d");
    const db = await getDb();
    const [row] = await db.select().from(messages).where(eq(messages.id, String(answer.body.messageId)));
    expect([row!.status, row!.error]).toEqual(["expired", "The campaign is no longer active"]);
  });
});
