import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messageEvents, messageProviderIds, messages, profileIdentities, profiles, workspaces } from "@/db/schema";
import type { THttpFake } from "@/plugins/sdk/testing";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { FAKE_API_KEY, newWebhookSecret, resendWebhook, startFakeResend } from "@/plugins/email-resend/testing/fake-resend";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration, deleteConfiguration } from "@/server/channels/manage-configurations";
import { mergeProfiles } from "@/server/profiles/resolve-profile";
import { createTeam } from "@/test/fixtures";
import { claimMessages } from "./claim-message";
import { handleProviderWebhook } from "./provider-webhooks";
import { recordResults } from "./record-results";
import { sendMessage } from "./send-message";

/** The columns a send's result writes (record-results.ts): no index may cover one, or that update stops being heap-only. */
const RESULT_COLUMNS = ["status", "recipient", "content", "content_key", "content_scope", "provider_message_id", "error", "deferred_until", "sent_at", "updated_at"];
const EMAIL = { subject: "Hi {{ profile.firstName }}", html: "<p>Hello {{ profile.firstName }}</p>" };

async function profileWithEmail(workspaceId: string, email: string) {
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId, attributes: { firstName: "Ada" } }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId, namespace: "email", value: email, profileId: p!.id });
  return p!.id;
}

const send = (workspaceId: string, profileId: string, extra: { configurationId?: string } = {}) =>
  sendMessage({ workspaceId, kind: "email", profileId, content: EMAIL, source: { type: "campaign", id: crypto.randomUUID(), stepId: "s" }, ...extra });

describe("the message tables, shaped for a send's two writes", () => {
  let fake: THttpFake;
  beforeAll(async () => void (fake = allowPrivateHost(await startFakeResend())));
  afterAll(() => fake.close());

  it("index no column a result writes, have no foreign keys, and leave room in each page for the result", async () => {
    const db = await getDb();
    const indexed = rowsOf<{ column: string }>(
      await db.execute(sql`select distinct a.attname as column from pg_index i join pg_attribute a on a.attrelid = i.indrelid and (a.attnum = any(i.indkey) or pg_get_expr(i.indexprs, i.indrelid) like '%' || a.attname || '%' or pg_get_expr(i.indpred, i.indrelid) like '%' || a.attname || '%') where i.indrelid = 'messages'::regclass`),
    ).map((r) => r.column);
    expect(indexed.length).toBeGreaterThan(3);
    expect(indexed.filter((c) => RESULT_COLUMNS.includes(c))).toEqual([]);
    const keys = rowsOf<{ conname: string }>(await db.execute(sql`select conname from pg_constraint where contype = 'f' and conrelid in ('messages'::regclass, 'message_events'::regclass, 'message_provider_ids'::regclass)`));
    expect(keys).toEqual([]);
    const [options] = rowsOf<{ reloptions: string[] | string }>(await db.execute(sql`select reloptions from pg_class where oid = 'messages'::regclass`));
    expect(String(options!.reloptions)).toContain("fillfactor=30");
  });

  it("find a webhook's message by the provider id of a plugin that takes webhooks, and keep none for the Dev inbox", async () => {
    const { workspace } = await createTeam(`Hooks ${crypto.randomUUID().slice(0, 4)}`);
    const db = await getDb();
    const webhookSecret = newWebhookSecret();
    const resend = await createConfiguration(workspace.id, { pluginId: "email-resend", name: "Resend", kind: "email", settings: { apiKey: FAKE_API_KEY, fromName: "Acme", fromAddress: "hello@acme.test", webhookSecret, baseUrl: fake.url } }, cliActor);
    const inbox = await createConfiguration(workspace.id, { pluginId: "dev-inbox", name: "Inbox", kind: "email", settings: {} }, cliActor);
    const profileId = await profileWithEmail(workspace.id, "ada@example.com");
    const viaResend = await send(workspace.id, profileId, { configurationId: resend.id });
    const viaInbox = await send(workspace.id, profileId, { configurationId: inbox.id });
    expect([viaResend.status, viaInbox.status]).toEqual(["sent", "delivered"]);
    const ids = await db.select().from(messageProviderIds).where(inArray(messageProviderIds.messageId, [viaResend.messageId, viaInbox.messageId]));
    const [stored] = await db.select({ providerMessageId: messages.providerMessageId }).from(messages).where(eq(messages.id, viaResend.messageId));
    expect(ids).toEqual([{ configurationId: resend.id, providerMessageId: stored!.providerMessageId!, messageId: viaResend.messageId }]);

    const bounce = { type: "email.bounced", data: { email_id: stored!.providerMessageId, bounce: { type: "Permanent", subType: "General", message: "No such user" } } };
    const answer = await handleProviderWebhook(resend.id, resendWebhook(webhookSecret, bounce));
    expect(await answer.json()).toEqual({ received: 1, recorded: 1 });
    const [after] = await db.select({ status: messages.status }).from(messages).where(eq(messages.id, viaResend.messageId));
    expect(after!.status).toBe("bounced");

    await deleteConfiguration(workspace.id, resend.id, cliActor);
    expect(await db.select().from(messageProviderIds).where(eq(messageProviderIds.configurationId, resend.id))).toEqual([]);
  });

  it("cascade deletes through triggers: a profile's or a workspace's messages go with their history and provider ids; a merge keeps them", async () => {
    const { workspace } = await createTeam(`Deletes ${crypto.randomUUID().slice(0, 4)}`);
    const db = await getDb();
    const resend = await createConfiguration(workspace.id, { pluginId: "email-resend", name: "Resend", kind: "email", settings: { apiKey: FAKE_API_KEY, fromName: "Acme", fromAddress: "hello@acme.test", webhookSecret: newWebhookSecret(), baseUrl: fake.url } }, cliActor);
    const [gone, kept, from, into] = [await profileWithEmail(workspace.id, "a@example.com"), await profileWithEmail(workspace.id, "b@example.com"), await profileWithEmail(workspace.id, "c@example.com"), await profileWithEmail(workspace.id, "d@example.com")];
    const sent = { gone: await send(workspace.id, gone, { configurationId: resend.id }), kept: await send(workspace.id, kept, { configurationId: resend.id }), from: await send(workspace.id, from) };
    const providerIdsOf = async (ids: string[]) => (await db.select().from(messageProviderIds).where(inArray(messageProviderIds.messageId, ids))).length;
    expect([sent.gone.status, sent.kept.status]).toEqual(["sent", "sent"]);
    expect(await providerIdsOf([sent.gone.messageId, sent.kept.messageId])).toBe(2);
    const messagesOf = async (ids: string[]) => (await db.select({ id: messages.id, profileId: messages.profileId }).from(messages).where(inArray(messages.id, ids))).length;
    const historyOf = async (ids: string[]) => (await db.select().from(messageEvents).where(inArray(messageEvents.messageId, ids))).length;

    await db.delete(profiles).where(eq(profiles.id, gone));
    expect([await messagesOf([sent.gone.messageId]), await historyOf([sent.gone.messageId]), await providerIdsOf([sent.gone.messageId])]).toEqual([0, 0, 0]);
    expect([await messagesOf([sent.kept.messageId]), await historyOf([sent.kept.messageId]), await providerIdsOf([sent.kept.messageId])]).toEqual([1, 1, 1]);

    const historyBeforeMerge = await historyOf([sent.from.messageId]);
    expect(historyBeforeMerge).toBeGreaterThan(0);
    await db.transaction((tx) => mergeProfiles(tx, workspace.id, from, into));
    const [merged] = await db.select({ profileId: messages.profileId }).from(messages).where(eq(messages.id, sent.from.messageId));
    expect(merged!.profileId).toBe(into);
    expect(await historyOf([sent.from.messageId])).toBe(historyBeforeMerge);

    await db.delete(workspaces).where(eq(workspaces.id, workspace.id));
    const all = [sent.kept.messageId, sent.from.messageId];
    expect([await messagesOf(all), await historyOf(all), await providerIdsOf(all)]).toEqual([0, 0, 0]);
  });

  it("store no history for a message deleted between its claim and its result (its profile was deleted)", async () => {
    const { workspace } = await createTeam(`Race ${crypto.randomUUID().slice(0, 4)}`);
    const db = await getDb();
    const [profileId, other] = [await profileWithEmail(workspace.id, "a@example.com"), await profileWithEmail(workspace.id, "b@example.com")];
    const base = { workspaceId: workspace.id, configurationId: crypto.randomUUID(), pluginId: "dev-inbox", kind: "email", source: { type: "campaign" as const, id: "race", stepId: "s" }, isTest: false };
    const claims = await claimMessages(db, base, [{ idempotencyKey: "race:a", profileId }, { idempotencyKey: "race:b", profileId: other }], new Date());
    await db.delete(profiles).where(eq(profiles.id, profileId));
    await recordResults(db, claims.map(({ message }) => ({ message, status: "delivered" as const, recipient: "x@example.com", error: null, providerMessageId: `p-${message.id}`, webhookConfigurationId: base.configurationId, events: [{ type: "sent" as const }, { type: "delivered" as const }] })));
    const ids = claims.map((c) => c.message.id);
    const history = await db.select({ messageId: messageEvents.messageId }).from(messageEvents).where(inArray(messageEvents.messageId, ids));
    expect(history.map((h) => h.messageId)).toEqual([ids[1], ids[1]]);
    expect((await db.select().from(messageProviderIds).where(inArray(messageProviderIds.messageId, ids))).map((p) => p.messageId)).toEqual([ids[1]]);
  });
});
