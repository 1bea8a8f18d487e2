import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { consentEvents, profileIdentities, profiles } from "@/db/schema";
import { createTeam } from "@/test/fixtures";
import { recordImportConsents } from "./import-consents";
import { changeSubscriptions, profileSubscriptions } from "./profile-subscriptions";

describe("consent columns of a CSV import", () => {
  it("records email_opt_in / sms_opt_in as consent (source import), never resubscribing who unsubscribed", async () => {
    const { workspace } = await createTeam("Import consents");
    const db = await getDb();
    const ids: string[] = [];
    for (const n of ["a", "b", "c"]) {
      const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: {} }).returning({ id: profiles.id });
      await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "external_id", value: `imp-${n}`, profileId: p!.id });
      ids.push(p!.id);
    }
    await changeSubscriptions(workspace.id, ids[2]!, { channels: { email: "unsubscribed" } }, "preference_page");
    const rows = new Map<string, Record<string, unknown>>([
      ["imp-a", { sms_opt_in: "no", email_opt_in: "true" }],
      ["imp-b", { sms_opt_in: "maybe", plan: "gold" }],
      ["imp-c", { email_opt_in: true }],
    ]);
    await db.transaction((tx) => recordImportConsents(tx, workspace.id, "external_id", rows));
    const [a, b, c] = await Promise.all(ids.map((id) => profileSubscriptions(workspace.id, id)));
    expect(a!.channels.filter((x) => x.recorded).map((x) => [x.channel, x.status, x.source])).toEqual([["email", "subscribed", "import"], ["sms", "unsubscribed", "import"]]);
    expect(b!.channels.every((x) => !x.recorded)).toBe(true);
    expect(c!.channels.find((x) => x.channel === "email")).toMatchObject({ status: "unsubscribed", source: "preference_page" });
    // The same file again changes nothing and adds no history.
    const before = (await db.select().from(consentEvents).where(eq(consentEvents.workspaceId, workspace.id))).length;
    await db.transaction((tx) => recordImportConsents(tx, workspace.id, "external_id", rows));
    expect((await db.select().from(consentEvents).where(eq(consentEvents.workspaceId, workspace.id))).length).toBe(before);
  });
});
