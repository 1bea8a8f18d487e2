import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { approvalRequired } from "@/server/campaigns/approval-setting";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, audiences, auditLog, events, journeys, profileAttributeTypes, profileConsents, profileIdentities, profiles, workspaces } from "@/db/schema";
import { checkReferences } from "@/server/journeys/check-references";
import { validateGraph } from "@/server/journeys/graph/validate-graph";
import { cliActor } from "@/server/audit/actor";
import { audienceMemberIds, countAudience } from "@/server/audiences/count-audience";
import { resolveRecipients } from "@/server/messaging/recipient";
import { emailKind, pushKind, smsKind } from "@/plugins/sdk/kinds";
import { createDefinition } from "@/server/events/manage-definitions";
import { PURCHASE_EVENT } from "@/server/events/purchase-event";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { createUser } from "@/test/fixtures";
import { DEMO_LIST, DEMO_RULE_AUDIENCES } from "./demo-audiences";
import { DEMO_JOURNEYS, DEMO_TEST_PROFILES } from "./demo-journeys";
import { DEMO_TESTERS } from "./demo-test-profiles";
import { demoEvents } from "./demo-events";
import { seedDemoPopulation } from "./demo-population";
import { DEMO_PROFILE_COUNT, demoProfiles } from "./demo-profiles";
import { seedDemo } from "./seed-demo";

const now = new Date("2025-06-01T12:00:00Z");
const population = demoProfiles(now);
const generated = demoEvents(population, now);
let demo: string; // seeded by seedDemo(), as at the first `npm run dev`
let other: string; // seeded directly, to compare

beforeAll(async () => {
  const db = await getDb();
  expect((await seedDemo({ now })).created).toBe(true);
  demo = (await db.select().from(workspaces).where(eq(workspaces.slug, "demo")))[0]!.id;
  const user = await createUser();
  other = (await createWorkspace({ name: "Second demo" }, { userId: user.id, actor: cliActor })).id;
  await createDefinition(other, PURCHASE_EVENT, cliActor);
  await db.transaction((tx) => seedDemoPopulation(tx, other, cliActor, now));
}, 120_000);

describe("demo population", () => {
  it("has 10,000 profiles with their identities, time zones and attribute types", async () => {
    const db = await getDb();
    const [n] = await db.select({ n: count() }).from(profiles).where(and(eq(profiles.workspaceId, demo), isNotNull(profiles.timezone)));
    expect(n!.n).toBe(DEMO_PROFILE_COUNT);
    const ids = await db.select({ namespace: profileIdentities.namespace, n: count() }).from(profileIdentities).where(eq(profileIdentities.workspaceId, demo)).groupBy(profileIdentities.namespace);
    expect(Object.fromEntries(ids.map((r) => [r.namespace, r.n]))).toEqual({
      external_id: DEMO_PROFILE_COUNT,
      email: population.filter((p) => p.email).length,
      phone: population.filter((p) => p.phone).length,
    });
    expect(population.every((p) => !p.phone || /^\+1\d{10}$/.test(p.phone))).toBe(true);
    const types = await db.select({ key: profileAttributeTypes.key, type: profileAttributeTypes.type }).from(profileAttributeTypes).where(eq(profileAttributeTypes.workspaceId, demo));
    expect(Object.fromEntries(types.map((t) => [t.key, t.type]))).toEqual({
      firstName: "string", lastName: "string", email: "string", phone: "string", city: "string", country: "string",
      birthYear: "number", birthDate: "date", loyaltyTier: "string", hasMobileApp: "boolean", signedUpAt: "date",
    });
  });

  it("has three weeks of events; thank-you purchases are the purchase business event", async () => {
    const db = await getDb();
    const [n] = await db.select({ n: count() }).from(events).where(eq(events.workspaceId, demo));
    expect(n!.n).toBe(generated.length);
    expect(n!.n).toBeGreaterThanOrEqual(50_000);
    expect(n!.n).toBeLessThanOrEqual(100_000);
    const [range] = await db.select({ first: sql<string>`min(${events.timestamp})`, last: sql<string>`max(${events.timestamp})` }).from(events).where(eq(events.workspaceId, demo));
    expect(new Date(range!.first).getTime()).toBeGreaterThanOrEqual(now.getTime() - 21 * 86_400_000);
    expect(new Date(range!.last).getTime()).toBeLessThanOrEqual(now.getTime());
    const [matched] = await db.select({ n: count() }).from(events).where(and(eq(events.workspaceId, demo), isNotNull(events.definitionId)));
    const thanks = generated.filter((e) => e.name === "purchase" && e.properties.purchaseMessage === "thank you").length;
    expect(matched!.n).toBe(thanks);
    expect(thanks).toBeLessThan(generated.filter((e) => e.name === "purchase").length);
  });

  it("leaves consistent rows and foreign-key checks on (PGlite skips them during the seed)", async () => {
    const db = await getDb();
    const [orphans] = await db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.workspaceId, demo), sql`not exists (select 1 from profiles p where p.id = ${events.profileId} and p.workspace_id = ${events.workspaceId})`));
    expect(orphans!.n).toBe(0);
    const [role] = await db.select({ value: sql<string>`current_setting('session_replication_role')` }).from(workspaces).limit(1);
    expect(role!.value).toBe("origin");
  });

  it("saves the two seed audiences, whose SQL counts are the counts of the generated data", async () => {
    const db = await getDb();
    const saved = await db.select().from(audiences).where(eq(audiences.workspaceId, demo));
    const cities = population.filter((p) => ["Atlanta", "San Francisco", "Seattle"].includes(p.attributes.city as string) && (p.attributes.birthYear as number) > 1980).length;
    const gold = population.filter((p) => p.attributes.loyaltyTier === "Gold" && p.email && p.phone).length;
    expect(DEMO_RULE_AUDIENCES.map((a) => a.size)).toEqual([cities, gold]);
    for (const audience of DEMO_RULE_AUDIENCES) {
      const row = saved.find((a) => a.name === audience.name)!;
      expect(row.kind).toBe("rules");
      expect(row.lastCount).toBe(audience.size);
      expect(await countAudience(demo, row.rules!, now)).toBe(audience.size);
    }
    const list = saved.find((a) => a.name === DEMO_LIST.name)!;
    expect(list.kind).toBe("list");
    const [members] = await db.select({ n: count() }).from(audienceMembers).where(eq(audienceMembers.audienceId, list.id));
    expect(members!.n).toBe(50);
  });

  it("has the two seed journeys as valid drafts, and test profiles to try them with", async () => {
    const db = await getDb();
    const drafts = await db.select().from(journeys).where(eq(journeys.workspaceId, demo));
    expect(drafts.map((j) => j.name).sort()).toEqual(Object.values(DEMO_JOURNEYS).sort());
    for (const j of drafts) {
      expect(j.status).toBe("draft");
      expect(validateGraph(j.graph)).toEqual([]);
      await checkReferences(db, demo, j.graph, j.settings);
    }
    const [testers] = await db.select({ n: count() }).from(profiles).where(and(eq(profiles.workspaceId, demo), eq(profiles.isTest, true)));
    expect(testers!.n).toBe(DEMO_TEST_PROFILES);
  });

  it("gives each test profile a note, both seed audiences and every channel: email, SMS with an opt-in, push", async () => {
    const db = await getDb();
    const testers = await db.select({ id: profiles.id, note: profiles.testNote }).from(profiles).where(and(eq(profiles.workspaceId, demo), eq(profiles.isTest, true)));
    expect(testers.map((t) => t.note)).toEqual(expect.arrayContaining(DEMO_TESTERS.map((t) => t.note)));
    const reachable = await resolveRecipients(db, demo, testers.map((t) => t.id));
    for (const { id } of testers) {
      const r = reachable.get(id)!.recipient;
      expect([emailKind, smsKind, pushKind].map((k) => k.reachable(r))).toEqual([true, true, true]);
      const [sms] = await db.select().from(profileConsents).where(and(eq(profileConsents.profileId, id), eq(profileConsents.channel, "sms")));
      expect(sms?.status).toBe("subscribed");
    }
    for (const a of DEMO_RULE_AUDIENCES) {
      const members = await audienceMemberIds(demo, a.rules);
      expect(testers.every((t) => members.includes(t.id)), a.name).toBe(true);
    }
  });

  it("needs approval, and its live API campaign went live before approval was turned on", async () => {
    const db = await getDb();
    expect(await approvalRequired(db, demo)).toBe(true);
    const log = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.workspaceId, demo), inArray(auditLog.action, ["campaign.create", "settings.approval"]))).orderBy(auditLog.createdAt);
    expect(log.at(-1)?.action).toBe("settings.approval");
  });

  it("caps marketing SMS at 2 a day, shown in the sending rules", async () => {
    const { getMessagingSettings } = await import("@/server/messaging/messaging-settings");
    expect(await getMessagingSettings(demo)).toMatchObject({ frequencyCap: null, channelCaps: { sms: { max: 2, hours: 24 } }, quietHours: null });
  });

  it("is the same data at every seed", async () => {
    const snapshot = async (workspaceId: string) => {
      const db = await getDb();
      const people = await db
        .select({ externalId: profileIdentities.value, attributes: profiles.attributes, timezone: profiles.timezone })
        .from(profiles)
        .innerJoin(profileIdentities, and(eq(profileIdentities.profileId, profiles.id), eq(profileIdentities.namespace, "external_id")))
        .where(eq(profiles.workspaceId, workspaceId))
        .orderBy(profileIdentities.value);
      const calls = await db
        .select({ messageId: events.messageId, name: events.name, properties: events.properties, timestamp: events.timestamp, matched: sql<boolean>`${events.definitionId} is not null` })
        .from(events)
        .where(eq(events.workspaceId, workspaceId))
        .orderBy(events.messageId);
      return { people, calls };
    };
    const [a, b] = await Promise.all([snapshot(demo), snapshot(other)]);
    expect(a.people).toEqual(b.people);
    expect(a.calls).toEqual(b.calls);
    expect(demoProfiles(now)).toEqual(population);
  });
});
