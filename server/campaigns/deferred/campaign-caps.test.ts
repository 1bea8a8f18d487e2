import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaigns, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";

// Runs on PGlite and, with DATABASE_URL, on a real PostgreSQL whose connections really race.
const PROFILES = 30;
let team: Awaited<ReturnType<typeof createTeam>>;
let executor: EmbeddedExecutor;
let audienceId: string;
let profileIds: string[];

beforeAll(async () => {
  team = await createTeam("Caps that hold");
  const ws = team.workspace.id;
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  await updateMessagingSettings(ws, { frequencyCap: { max: 2, hours: 24 }, quietHours: null, defaultTimezone: "UTC" }, cliActor);
  const db = await getDb();
  audienceId = (await createAudience(ws, { kind: "list", name: "Everyone" }, cliActor)).id;
  const rows = await db.insert(profiles).values(Array.from({ length: PROFILES }, (_, i) => ({ workspaceId: ws, attributes: { firstName: `P${i}` } }))).returning({ id: profiles.id });
  profileIds = rows.map((r) => r.id);
  await db.insert(profileIdentities).values(profileIds.map((profileId, i) => ({ workspaceId: ws, namespace: "email" as const, value: `p${i}@example.com`, profileId })));
  await db.insert(audienceMembers).values(profileIds.map((profileId) => ({ audienceId, profileId, workspaceId: ws })));
  executor = await createAppExecutor({ clock: new VirtualClock(new Date(Date.now() + 60_000)) });
});

const campaign = (name: string, capExempt?: boolean) => ({ name, type: "scheduled" as const, audienceId, kind: "email" as const, content: { subject: name, html: `<p>${name}</p>` }, schedule: { type: "now" as const }, ...(capExempt !== undefined ? { capExempt } : {}) });

async function statusesByProfile() {
  const db = await getDb();
  const rows = await db.select({ profileId: messages.profileId, status: messages.status }).from(messages).where(and(eq(messages.workspaceId, team.workspace.id), inArray(messages.profileId, profileIds)));
  const by = new Map<string, string[]>();
  for (const r of rows) by.set(r.profileId!, [...(by.get(r.profileId!) ?? []), r.status]);
  return profileIds.map((id) => (by.get(id) ?? []).sort());
}

describe("frequency caps hold under concurrency", () => {
  it("three campaigns activated at once give no profile more than 2 in 24 h; the third waits for its slot", async () => {
    const ws = team.workspace.id;
    const manager = callerFor(team.users.manager);
    const created = await Promise.all(["Monday", "Tuesday", "Wednesday"].map((n) => manager.campaigns.create({ workspaceId: ws, campaign: campaign(n) })));
    await Promise.all(created.map((c) => manager.campaigns.activate({ workspaceId: ws, campaignId: c.id })));
    await executor.drain();
    const after = await statusesByProfile();
    for (const statuses of after) expect(statuses).toEqual(["deferred", "delivered", "delivered"]);

    await executor.advance("23h");
    expect((await statusesByProfile()).every((s) => s.filter((x) => x === "delivered").length === 2)).toBe(true);
    await executor.advance("2h");
    for (const statuses of await statusesByProfile()) expect(statuses).toEqual(["delivered", "delivered", "delivered"]);
  });

  it("an admin's exempt campaign ignores the cap (and counts toward it); a manager cannot set or clear the exemption", async () => {
    const ws = team.workspace.id;
    const manager = callerFor(team.users.manager);
    await expect(manager.campaigns.create({ workspaceId: ws, campaign: campaign("Sneaky", true) })).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/Only an admin/) });
    const exempt = await callerFor(team.users.admin).campaigns.create({ workspaceId: ws, campaign: campaign("Outage notice", true) });
    expect(exempt.capExempt).toBe(true);
    await expect(manager.campaigns.update({ workspaceId: ws, campaignId: exempt.id, campaign: campaign("Outage notice", false) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // An edit that leaves it alone is an ordinary edit.
    await manager.campaigns.update({ workspaceId: ws, campaignId: exempt.id, campaign: campaign("Outage notice!") });
    const db = await getDb();
    expect((await db.select({ capExempt: campaigns.capExempt }).from(campaigns).where(eq(campaigns.id, exempt.id)))[0]!.capExempt).toBe(true);

    await manager.campaigns.activate({ workspaceId: ws, campaignId: exempt.id });
    await executor.drain();
    for (const statuses of await statusesByProfile()) expect(statuses).toEqual(Array(4).fill("delivered"));
    // Now at the cap with the exempt message counted: the next campaign waits.
    const next = await manager.campaigns.create({ workspaceId: ws, campaign: campaign("Thursday") });
    await manager.campaigns.activate({ workspaceId: ws, campaignId: next.id });
    await executor.drain();
    for (const statuses of await statusesByProfile()) expect(statuses).toEqual(["deferred", ...Array(4).fill("delivered")]);
  });
});
