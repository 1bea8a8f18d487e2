import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import { sendSeeds } from "./send-seeds";

const MEMBERS = 3;
let team: Awaited<ReturnType<typeof createTeam>>;
let executor: EmbeddedExecutor;
let audienceId: string;

beforeAll(async () => {
  team = await createTeam("Seed lists");
  const ws = team.workspace.id;
  const db = await getDb();
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  // A cap of one message a day: seeds must not take it, nor be held by it.
  await updateMessagingSettings(ws, { frequencyCap: { max: 1, hours: 24 }, quietHours: null, defaultTimezone: "UTC" }, cliActor);
  audienceId = (await createAudience(ws, { kind: "list", name: "Three" }, cliActor)).id;
  for (let i = 0; i < MEMBERS; i++) {
    const [p] = await db.insert(profiles).values({ workspaceId: ws, attributes: { firstName: `Ada${i}` } }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: ws, namespace: "email", value: `ada${i}@example.com`, profileId: p!.id });
    await db.insert(audienceMembers).values({ audienceId, profileId: p!.id, workspaceId: ws });
  }
  executor = await createAppExecutor({ clock: new VirtualClock(new Date()) });
});

const manager = () => callerFor(team.users.manager);
const campaign = (name: string, seedAddresses?: string[], kind: "email" | "push" = "email") => ({
  name, type: "scheduled" as const, audienceId, kind, schedule: { type: "now" as const }, seedAddresses,
  content: kind === "email" ? { subject: 'Hi {{ profile.firstName | default: "there" }}', html: "<p>Hello</p>" } : { title: "Hi", body: "Hello" },
});

describe("seed lists", () => {
  it("a campaign with two seed addresses sends them one copy each, and the report's counts equal the audience's", async () => {
    const ws = team.workspace.id;
    const c = await manager().campaigns.create({ workspaceId: ws, campaign: campaign("Seeded", [" QA@Example.com", "boss@example.com", "qa@example.com"]) });
    expect(c.seedAddresses).toEqual(["qa@example.com", "boss@example.com"]);
    await manager().campaigns.activate({ workspaceId: ws, campaignId: c.id });
    await executor.drain();
    const db = await getDb();
    const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, c.id));
    const rows = await db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, execution!.id)));
    const seeds = rows.filter((r) => r.stepId === "seed");
    // Rendered with the first recipient's data (the lowest profile id).
    const first = rows.filter((r) => r.stepId === "send").map((r) => r.profileId!).sort()[0];
    const firstSubject = rows.find((r) => r.stepId === "send" && r.profileId === first)!.content?.subject;
    expect(firstSubject).toMatch(/^Hi Ada\d$/);
    expect(seeds.map((r) => r.recipient).sort()).toEqual(["boss@example.com", "qa@example.com"]);
    expect(seeds.map((r) => [r.isTest, r.profileId, r.status, r.content?.subject])).toEqual([[true, first, "delivered", firstSubject], [true, first, "delivered", firstSubject]]);
    expect(rows.filter((r) => r.stepId === "send" && r.status === "delivered")).toHaveLength(MEMBERS);
    const report = await manager().campaigns.report({ workspaceId: ws, campaignId: c.id });
    expect(report.counts).toMatchObject({ targeted: MEMBERS, sent: MEMBERS, delivered: MEMBERS, failed: 0, deferred: 0 });
    const listed = await manager().campaigns.recipients({ workspaceId: ws, campaignId: c.id });
    expect(listed.rows).toHaveLength(MEMBERS);
    // A retried step finds the copies it sent.
    await sendSeeds(execution!.id);
    expect((await db.select().from(messages).where(and(eq(messages.sourceId, execution!.id), eq(messages.stepId, "seed"))))).toHaveLength(2);
  });

  it("refuses an address that is not an email, and seeds on a push campaign, naming seedAddresses", async () => {
    const ws = team.workspace.id;
    await expect(manager().campaigns.create({ workspaceId: ws, campaign: campaign("Bad seed", ["not-an-address"]) })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not-an-address") });
    await expect(manager().campaigns.create({ workspaceId: ws, campaign: campaign("Push seed", ["qa@example.com"], "push") })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("email and SMS") });
  });
});

describe("local-time schedule input", () => {
  it("refuses a date that is not on the calendar or has passed in every zone, naming schedule.date", async () => {
    const ws = team.workspace.id;
    const local = (date: string) => ({ ...campaign(`Local ${date}`), schedule: { type: "local" as const, date, time: "09:00" } });
    await expect(manager().campaigns.create({ workspaceId: ws, campaign: local("2030-02-30") })).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Not a date on the calendar" });
    await expect(manager().campaigns.create({ workspaceId: ws, campaign: local("2020-01-01") })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("every time zone") });
  });
});
