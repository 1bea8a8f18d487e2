import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { audienceMembers, campaignExecutions, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { messageTokens } from "@/server/messaging/tracking-token";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import { createTopic } from "./manage-topics";
import { savePreferences } from "./preference-center";

describe("campaigns and subscription topics", () => {
  it("the preference page changes topics and the next campaign honours them", async () => {
    const team = await createTeam("Campaign topics");
    const ws = team.workspace.id;
    const db = await getDb();
    await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
    const audienceId = (await createAudience(ws, { kind: "list", name: "Readers" }, cliActor)).id;
    const ids: string[] = [];
    for (const name of ["ann", "bob"]) {
      const [p] = await db.insert(profiles).values({ workspaceId: ws, attributes: { firstName: name } }).returning({ id: profiles.id });
      await db.insert(profileIdentities).values({ workspaceId: ws, namespace: "email", value: `${name}-${p!.id.slice(0, 6)}@example.com`, profileId: p!.id });
      await db.insert(audienceMembers).values({ audienceId, profileId: p!.id, workspaceId: ws });
      ids.push(p!.id);
    }
    const news = await createTopic(ws, { name: "Newsletter", channel: "email", defaultStatus: "opt_out" }, cliActor);
    const offers = await createTopic(ws, { name: "Offers", channel: "email", defaultStatus: "opt_in" }, cliActor);
    const executor = await createAppExecutor({ clock: new VirtualClock(new Date()) });
    const manager = callerFor(team.users.manager);
    const run = async (name: string, topicId: string) => {
      const c = await manager.campaigns.create({ workspaceId: ws, campaign: { name, type: "scheduled", audienceId, kind: "email", topicId, content: { subject: "Hi", html: '<p>Hi <a href="{{ unsubscribe_url }}">unsubscribe</a></p>' }, schedule: { type: "now" } as never } });
      await manager.campaigns.activate({ workspaceId: ws, campaignId: c.id });
      await executor.drain();
      const [execution] = await db.select().from(campaignExecutions).where(eq(campaignExecutions.campaignId, c.id));
      const rows = await db.select().from(messages).where(and(eq(messages.sourceType, "campaign"), eq(messages.sourceId, execution!.id)));
      return new Map(rows.map((r) => [r.profileId!, r]));
    };
    const first = await run("News 1", news.id);
    expect([...first.values()].map((m) => m.status)).toEqual(["delivered", "delivered"]);
    expect([...first.values()].every((m) => m.topicId === news.id)).toBe(true);
    // Ann leaves the newsletter and takes the offers, on the page her email's link opens.
    await savePreferences(messageTokens(first.get(ids[0]!)!.id).unsubscribe, { topics: [{ id: news.id, subscribed: false }, { id: offers.id, subscribed: true }] });
    const second = await run("News 2", news.id);
    expect([second.get(ids[0]!)!.status, second.get(ids[1]!)!.status]).toEqual(["suppressed", "delivered"]);
    const third = await run("Offers 1", offers.id);
    expect([third.get(ids[0]!)!.status, third.get(ids[1]!)!.status]).toEqual(["delivered", "suppressed"]);
  });
});
