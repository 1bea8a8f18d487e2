import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { profileIdentities, profiles, suppressions } from "@/db/schema";
import { createTeam } from "@/test/fixtures";

const MIGRATION = path.join(process.cwd(), "db/migrations/0021_phone_numbers_e164.sql");

describe("migration 0021", () => {
  it("brings the phone numbers stored before to E.164 where SQL can tell, and leaves the others", async () => {
    const { workspace } = await createTeam("Legacy phones");
    const db = await getDb();
    const profile = async (phone: string) => (await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { phone } }).returning({ id: profiles.id }))[0]!.id;
    const a = await profile("+1 555-060-0099");
    const b = await profile("(555) 060-0077");
    const c = await profile("+44 (0)20 7946 0958");
    const d = await profile("15550600077");
    const identity = (profileId: string, value: string) => ({ workspaceId: workspace.id, namespace: "phone" as const, value, profileId });
    // As ingestion stored them: separators dropped, no country code added.
    await db.insert(profileIdentities).values([identity(a, "+15550600099"), identity(b, "5550600077"), identity(c, "+44(0)2079460958"), identity(d, "15550600077")]);
    await db.insert(suppressions).values([
      { workspaceId: workspace.id, channel: "sms", address: "5550600099", reason: "manual" },
      { workspaceId: workspace.id, channel: "sms", address: "+15550600099", reason: "bounced" },
      { workspaceId: workspace.id, channel: "sms", address: "555.060.0011", reason: "unsubscribed" },
      { workspaceId: workspace.id, channel: "email", address: "5550600022", reason: "manual" },
    ]);
    // Every statement but the first (the column the test database already has).
    for (const statement of readFileSync(MIGRATION, "utf8").split("--> statement-breakpoint").slice(1)) await db.execute(sql.raw(statement));

    const phones = Object.fromEntries((await db.select().from(profiles).where(eq(profiles.workspaceId, workspace.id))).map((p) => [p.id, p.attributes.phone]));
    expect([phones[a], phones[b], phones[c], phones[d]]).toEqual(["+15550600099", "+15550600077", "+44 (0)20 7946 0958", "+15550600077"]);
    const ids = await db.select().from(profileIdentities).where(eq(profileIdentities.workspaceId, workspace.id));
    // b and d become one number: one of them takes it, the other identity stays as it was.
    expect(ids.map((i) => [i.profileId, i.value]).sort()).toEqual(
      [[a, "+15550600099"], [b, "5550600077"], [c, "+44(0)2079460958"], [d, "+15550600077"]].sort(),
    );
    const list = await db.select().from(suppressions).where(eq(suppressions.workspaceId, workspace.id));
    expect(list.map((s) => [s.channel, s.address, s.reason]).sort()).toEqual([["email", "5550600022", "manual"], ["sms", "+15550600011", "unsubscribed"], ["sms", "+15550600099", "bounced"]]);
  });
});
