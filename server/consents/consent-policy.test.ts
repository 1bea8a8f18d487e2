import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { consentEvents, messages, profileIdentities, profiles, suppressions } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { removeSuppression } from "@/server/messaging/manage-suppressions";
import { sendMessages } from "@/server/messaging/send-messages";
import { handleUnsubscribe } from "@/server/messaging/tracking-handlers";
import { messageTokens } from "@/server/messaging/tracking-token";
import { createTeam } from "@/test/fixtures";
import { confirmOptIn } from "./double-opt-in";
import { createTopic } from "./manage-topics";
import { preferencesOf, savePreferences } from "./preference-center";
import { changeSubscriptions, profileSubscriptions } from "./profile-subscriptions";

const EMAIL = { subject: "News", html: '<p>Hi <a href="{{ unsubscribe_url }}">unsubscribe</a></p>' };
let n = 0;

async function world(kind: "email" | "sms", count: number) {
  const { workspace } = await createTeam(`Consent ${crypto.randomUUID().slice(0, 6)}`);
  const db = await getDb();
  const rows = await db
    .insert(profiles)
    .values(Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, attributes: kind === "sms" ? { phone: `+1555060${String(1000 + i)}` } : {} })))
    .returning({ id: profiles.id });
  if (kind === "email") await db.insert(profileIdentities).values(rows.map((r, i) => ({ workspaceId: workspace.id, namespace: "email" as const, value: `c${i}-${r.id.slice(0, 6)}@example.com`, profileId: r.id })));
  const ids = rows.map((r) => r.id);
  const send = async (over: { topicId?: string | null; transactional?: boolean } = {}) => {
    const content = kind === "sms" ? { text: "Sale tonight" } : EMAIL;
    const result = await sendMessages({ workspaceId: workspace.id, kind, content, cacheKey: `consent:${++n}`, source: { type: "campaign", id: `c${n}`, stepId: "s" }, targets: ids.map((profileId) => ({ profileId })), ...over });
    return result.outcomes.map((o) => o!);
  };
  return { workspaceId: workspace.id, ids, send, db };
}

describe("consent model: topics, opt-in and opt-out", () => {
  it("an SMS-marketing topic with no opt-in sends nothing", async () => {
    const { workspaceId, ids, send } = await world("sms", 4);
    const offers = await createTopic(workspaceId, { name: "Offers by SMS", channel: "sms", defaultStatus: "opt_in" }, cliActor);
    expect((await send({ topicId: offers.id })).map((o) => o.status)).toEqual(["suppressed", "suppressed", "suppressed", "suppressed"]);
    await changeSubscriptions(workspaceId, ids[1]!, { topics: [{ id: offers.id, status: "subscribed" }] }, "api");
    const after = await send({ topicId: offers.id });
    expect(after.map((o) => o.status)).toEqual(["suppressed", "delivered", "suppressed", "suppressed"]);
    expect(after[0]!.error).toBe('No opt-in recorded for "Offers by SMS"');
    // Transactional messages ignore topics and marketing consent.
    expect((await send({ topicId: offers.id, transactional: true })).map((o) => o.status)).toEqual(["delivered", "delivered", "delivered", "delivered"]);
  });

  it("SMS marketing needs an opt-in: sms_opt_in: false records an unsubscribe (source api), no record sends nothing, sms_opt_in: true sends", async () => {
    const { workspace } = await createTeam(`Traits ${crypto.randomUUID().slice(0, 6)}`);
    await ingestCalls(workspace.id, [
      { type: "identify", userId: "t-1", traits: { phone: "+15550602001", sms_opt_in: false } },
      { type: "identify", userId: "t-2", traits: { phone: "+15550602002", sms_opt_in: true } },
      { type: "identify", userId: "t-3", traits: { phone: "+15550602003" } },
    ]);
    const db = await getDb();
    const idOf = async (userId: string) => (await db.select({ id: profileIdentities.profileId }).from(profileIdentities).where(eq(profileIdentities.value, userId)))[0]!.id;
    const [one, two, three] = [await idOf("t-1"), await idOf("t-2"), await idOf("t-3")];
    const result = await sendMessages({ workspaceId: workspace.id, kind: "sms", content: { text: "Hi" }, source: { type: "campaign", id: "traits", stepId: "s" }, targets: [{ profileId: one }, { profileId: two }, { profileId: three }] });
    expect(result.outcomes.map((o) => o!.status)).toEqual(["suppressed", "delivered", "suppressed"]);
    expect(result.outcomes[2]!.error).toBe('No opt-in recorded for "SMS marketing"');
    const subs = await profileSubscriptions(workspace.id, one, "sms");
    expect(subs.channels[0]).toMatchObject({ channel: "sms", status: "unsubscribed", recorded: true, source: "api" });
    // A transactional SMS (a one-time code) needs no marketing opt-in.
    const code = await sendMessages({ workspaceId: workspace.id, kind: "sms", content: { text: "Code 1234" }, transactional: true, source: { type: "transactional", id: "codes", stepId: "s" }, targets: [{ profileId: three }] });
    expect(code.outcomes[0]!.status).toBe("delivered");
  });

  it("an opt-out topic goes to everyone but those who left it or the channel; one-click leaves the message's topic only", async () => {
    const { workspaceId, ids, send } = await world("email", 3);
    const news = await createTopic(workspaceId, { name: "Newsletter", channel: "email", defaultStatus: "opt_out" }, cliActor);
    const product = await createTopic(workspaceId, { name: "Product updates", channel: "email", defaultStatus: "opt_out" }, cliActor);
    const first = await send({ topicId: news.id });
    expect(first.map((o) => o.status)).toEqual(["delivered", "delivered", "delivered"]);
    const unsubscribed = await handleUnsubscribe(messageTokens(first[0]!.messageId).unsubscribe);
    expect(unsubscribed.status).toBe(200);
    expect((await send({ topicId: news.id })).map((o) => o.status)).toEqual(["suppressed", "delivered", "delivered"]);
    expect((await send({ topicId: product.id })).map((o) => o.status)).toEqual(["delivered", "delivered", "delivered"]);
    await changeSubscriptions(workspaceId, ids[2]!, { channels: { email: "unsubscribed" } }, "admin");
    expect((await send({ topicId: product.id })).map((o) => o.status)).toEqual(["delivered", "delivered", "suppressed"]);
  });

  it("the preference page changes topics and the next campaign honours them", async () => {
    const { workspaceId, send } = await world("email", 2);
    const news = await createTopic(workspaceId, { name: "Newsletter", channel: "email", defaultStatus: "opt_out" }, cliActor);
    const offers = await createTopic(workspaceId, { name: "Offers", channel: "email", defaultStatus: "opt_in" }, cliActor);
    const [sent] = await send({ topicId: news.id });
    const token = messageTokens(sent!.messageId).unsubscribe;
    const page = await preferencesOf(token);
    expect(page).toMatchObject({ channel: "email", unsubscribedFromAll: false });
    expect(page!.topics).toEqual([
      { id: news.id, name: "Newsletter", subscribed: true, pending: false },
      { id: offers.id, name: "Offers", subscribed: false, pending: false },
    ]);
    await savePreferences(token, { topics: [{ id: news.id, subscribed: false }, { id: offers.id, subscribed: true }] });
    expect((await send({ topicId: news.id })).map((o) => o.status)).toEqual(["suppressed", "delivered"]);
    expect((await send({ topicId: offers.id })).map((o) => o.status)).toEqual(["delivered", "suppressed"]);
    const history = await (await getDb()).select().from(consentEvents).where(eq(consentEvents.topicId, offers.id));
    expect(history).toMatchObject([{ status: "subscribed", source: "preference_page" }]);
    // A topic of another workspace is refused, and nothing is written.
    const other = await world("email", 1);
    const foreign = await createTopic(other.workspaceId, { name: "Elsewhere", channel: "email", defaultStatus: "opt_out" }, cliActor);
    await expect(savePreferences(token, { topics: [{ id: foreign.id, subscribed: false }] })).rejects.toMatchObject({ field: "topics.0.id" });
    // Unsubscribe from all, then resubscribe from the page: the next email goes again.
    await savePreferences(token, { unsubscribeAll: true });
    expect((await send()).map((o) => o.status)).toEqual(["suppressed", "delivered"]);
    await savePreferences(token, { topics: [] });
    expect((await send()).map((o) => o.status)).toEqual(["delivered", "delivered"]);
  });

  it("removing an unsubscribed suppression resubscribes the profile", async () => {
    const { workspaceId, send, db } = await world("email", 1);
    const [first] = await send();
    await handleUnsubscribe(messageTokens(first!.messageId).unsubscribe);
    expect((await send()).map((o) => o.status)).toEqual(["suppressed"]);
    const [entry] = await db.select().from(suppressions).where(eq(suppressions.workspaceId, workspaceId));
    await removeSuppression(workspaceId, "email", entry!.address, cliActor);
    expect((await send()).map((o) => o.status)).toEqual(["delivered"]);
  });
});

describe("double opt-in", () => {
  it("an API opt-in to a double opt-in topic waits for the confirmation email's link", async () => {
    const { workspaceId, ids, send, db } = await world("email", 1);
    const offers = await createTopic(workspaceId, { name: "Offers", channel: "email", defaultStatus: "opt_in", doubleOptIn: true }, cliActor);
    const { pending } = await changeSubscriptions(workspaceId, ids[0]!, { topics: [{ id: offers.id, status: "subscribed" }] }, "api");
    expect(pending).toEqual([offers.id]);
    const [confirmation] = await db.select().from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.sourceId, "double-opt-in")));
    expect(confirmation).toMatchObject({ status: "delivered", sourceType: "transactional" });
    const html = String((confirmation!.content as { html?: string }).html);
    // The link is click-tracked: /t/c/<message token>.<base64url(destination)>.<mac>.
    const clicked = [...html.matchAll(/\/t\/c\/([^"]+)/g)].map((m) => Buffer.from(m[1]!.split(".")[2]!, "base64url").toString("utf8"));
    const token = clicked.map((u) => /\/confirm\/([^/?#]+)$/.exec(u)?.[1]).find(Boolean)!;
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect((await send({ topicId: offers.id })).map((o) => o.status)).toEqual(["suppressed"]);
    expect(await confirmOptIn(`${token}x`)).toBeNull();
    expect(await confirmOptIn(token)).toMatchObject({ topic: "Offers", confirmed: true });
    expect((await send({ topicId: offers.id })).map((o) => o.status)).toEqual(["delivered"]);
    expect((await profileSubscriptions(workspaceId, ids[0]!)).topics[0]).toMatchObject({ status: "subscribed", source: "double_opt_in" });
  });
});
