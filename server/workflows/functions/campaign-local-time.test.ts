import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { zonedToUtc } from "@/server/campaigns/zoned-time";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { callerFor, createTeam } from "@/test/fixtures";
import { VirtualClock } from "../embedded/clock";
import type { EmbeddedExecutor } from "../embedded/executor";
import { createAppExecutor } from "../embedded/start-embedded";

// The send day: three days ahead; the virtual clock starts at noon UTC the day before.
const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const start = new Date(Date.parse(`${day}T12:00:00Z`) - 86_400_000);
const nineIn = (zone: string) => zonedToUtc(`${day}T09:00`, zone)!;
const WHO = { paris1: "Europe/Paris", paris2: "Europe/Paris", ny1: "America/New_York", ny2: "America/New_York", unset: null, bogus: "Mars/Olympus" } as const;
type TWho = keyof typeof WHO;

let team: Awaited<ReturnType<typeof createTeam>>;
let executor: EmbeddedExecutor;
let clock: VirtualClock;
const ids = {} as Record<TWho, string>;
let audienceId: string;

beforeAll(async () => {
  team = await createTeam("Local time");
  const ws = team.workspace.id;
  const db = await getDb();
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  // Profiles without a valid zone go at 09:00 in the workspace's default zone.
  await updateMessagingSettings(ws, { frequencyCap: null, quietHours: null, defaultTimezone: "Asia/Tokyo" }, cliActor);
  audienceId = (await createAudience(ws, { kind: "list", name: "Zones" }, cliActor)).id;
  for (const who of Object.keys(WHO) as TWho[]) {
    const [p] = await db.insert(profiles).values({ workspaceId: ws, timezone: WHO[who], attributes: { firstName: who } }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: ws, namespace: "email", value: `${who}@example.com`, profileId: p!.id });
    await db.insert(audienceMembers).values({ audienceId, profileId: p!.id, workspaceId: ws });
    ids[who] = p!.id;
  }
  clock = new VirtualClock(start);
  executor = await createAppExecutor({ clock });
});

async function sentTo(campaignId: string) {
  const db = await getDb();
  const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, campaignId));
  const rows = execution ? await db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, execution.id))) : [];
  const who = (Object.keys(ids) as TWho[]).filter((w) => rows.some((r) => r.profileId === ids[w] && r.status === "delivered"));
  return { execution: execution!, who: who.sort() };
}

const until = async (at: Date) => executor.advance(at.getTime() - clock.now().getTime());

describe("local-time delivery", () => {
  it("local-time delivery sends to Paris and New York profiles at their 9:00", async () => {
    const ws = team.workspace.id;
    const manager = callerFor(team.users.manager);
    const c = await manager.campaigns.create({ workspaceId: ws, campaign: { name: "Nine o'clock", type: "scheduled", audienceId, kind: "email", content: { subject: "Good morning {{ profile.firstName }}", html: "<p>Hi</p>" }, schedule: { type: "local", date: day, time: "09:00" } } });
    await manager.campaigns.activate({ workspaceId: ws, campaignId: c.id });
    // Starts (and snapshots) when UTC+14 reaches 09:00; Tokyo's 09:00 (the default zone) comes first.
    await until(new Date(nineIn("Asia/Tokyo").getTime() + 60_000));
    const first = await sentTo(c.id);
    expect(first.execution.occurrenceAt.toISOString()).toBe(new Date(Date.parse(`${day}T09:00:00Z`) - 14 * 3_600_000).toISOString());
    expect(first.who).toEqual(["bogus", "unset"]);
    expect(first.execution.waves!.map((w) => [w.at, w.to - w.after, w.zones])).toEqual([
      [nineIn("Asia/Tokyo").toISOString(), 2, [""]],
      [nineIn("Europe/Paris").toISOString(), 2, ["Europe/Paris"]],
      [nineIn("America/New_York").toISOString(), 2, ["America/New_York"]],
    ]);

    await until(new Date(nineIn("Europe/Paris").getTime() - 60_000));
    expect((await sentTo(c.id)).who).toEqual(["bogus", "unset"]);
    await until(nineIn("Europe/Paris"));
    expect((await sentTo(c.id)).who).toEqual(["bogus", "paris1", "paris2", "unset"]);
    await until(new Date(nineIn("America/New_York").getTime() - 60_000));
    expect((await sentTo(c.id)).execution.processed).toBe(4);

    await until(nineIn("America/New_York"));
    const done = await sentTo(c.id);
    expect(done.who).toEqual(["bogus", "ny1", "ny2", "paris1", "paris2", "unset"]);
    expect(done.execution).toMatchObject({ status: "completed", targeted: 6, processed: 6 });
    const report = await manager.campaigns.report({ workspaceId: ws, campaignId: c.id });
    expect(report.counts).toMatchObject({ targeted: 6, sent: 6, delivered: 6 });
  });

  it("a zone whose time passed when the campaign starts gets it at that time the next day", async () => {
    const ws = team.workspace.id;
    const manager = callerFor(team.users.manager);
    // Now past 09:00 in Paris and Tokyo, before it in New York.
    const late = new Date(nineIn("Europe/Paris").getTime() + 2 * 3_600_000);
    if (clock.now() < late) await until(late);
    const c = await manager.campaigns.create({ workspaceId: ws, campaign: { name: "Late start", type: "scheduled", audienceId, kind: "email", content: { subject: "Hi", html: "<p>Hi</p>" }, schedule: { type: "local", date: day, time: "09:00" } } });
    await manager.campaigns.activate({ workspaceId: ws, campaignId: c.id });
    await executor.drain();
    const { execution } = await sentTo(c.id);
    expect(execution.waves!.map((w) => w.at)).toEqual([nineIn("America/New_York").toISOString(), new Date(nineIn("Asia/Tokyo").getTime() + 86_400_000).toISOString(), new Date(nineIn("Europe/Paris").getTime() + 86_400_000).toISOString()]);
  });
});
