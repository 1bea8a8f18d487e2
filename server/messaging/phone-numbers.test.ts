import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messages, profileIdentities, profiles, suppressions, workspaces } from "@/db/schema";
import { allowPrivateHost } from "@/plugins/sdk/testing/allow-private-host";
import { ACCOUNT_SID, AUTH_TOKEN, startFakeTwilio, statusCallback } from "@/plugins/sms-twilio/testing/fake-twilio";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { createTeam, optInToSms } from "@/test/fixtures";
import { addSuppression, listSuppressions, removeSuppression } from "./manage-suppressions";
import { handleProviderWebhook } from "./provider-webhooks";
import { sendMessage } from "./send-message";

const SMS = { text: "Sale tonight" };

async function profileWithPhone(phone: string, country?: string) {
  const { workspace } = await createTeam(`Phones ${crypto.randomUUID().slice(0, 4)}`);
  const db = await getDb();
  if (country) await db.update(workspaces).set({ defaultCountry: country }).where(eq(workspaces.id, workspace.id));
  // As a profile stored before numbers were normalized (or by a journey's attribute update) holds it.
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { phone } }).returning({ id: profiles.id });
  await optInToSms(workspace.id, [p!.id]);
  let n = 0;
  const sms = (over: object = {}) => sendMessage({ workspaceId: workspace.id, kind: "sms", profileId: p!.id, content: SMS, source: { type: "campaign", id: `c${++n}`, stepId: "s" }, ...over });
  return { workspaceId: workspace.id, profileId: p!.id, db, sms };
}

describe("phone numbers in E.164", () => {
  it.each(["(555) 060-0099", "+15550600099", "+1 555-060-0099"])("suppress a formatted number added as %s", async (entry) => {
    const { workspaceId, db, sms } = await profileWithPhone("+1 555-060-0099");
    expect(await addSuppression(workspaceId, { channel: "sms", address: entry }, cliActor)).toEqual({ channel: "sms", address: "+15550600099" });
    const outcome = await sms();
    expect(outcome).toMatchObject({ status: "suppressed", error: expect.stringContaining("+15550600099 is on the suppression list") });
    expect((await db.select().from(messages).where(eq(messages.id, outcome.messageId)))[0]!.recipient).toBe("+15550600099");
  });

  it("send to the number in E.164, reading one without a country code with the workspace's country", async () => {
    const { db, sms } = await profileWithPhone("06 12 34 56 78", "FR");
    const outcome = await sms();
    expect(outcome.status).toBe("delivered"); // the Dev inbox
    expect((await db.select().from(messages).where(eq(messages.id, outcome.messageId)))[0]!.recipient).toBe("+33612345678");
  });

  it("fail an SMS to a number that cannot be read, rather than send it", async () => {
    const { sms } = await profileWithPhone("call me maybe 12");
    expect(await sms()).toMatchObject({ status: "failed", error: "Invalid phone number: call me maybe 12" });
  });

  it("find and remove a suppression by the number in any form", async () => {
    const { workspaceId } = await profileWithPhone("+15550600099");
    await addSuppression(workspaceId, { channel: "sms", address: "555.060.0099" }, cliActor);
    expect((await listSuppressions(workspaceId, "(555) 060-0099")).map((s) => s.address)).toEqual(["+15550600099"]);
    await removeSuppression(workspaceId, "sms", "(555) 060-0099", cliActor);
    expect(await listSuppressions(workspaceId)).toEqual([]);
  });

  it("store identify traits in E.164: the attribute and the identity the next call finds", async () => {
    const { workspace } = await createTeam("Phone traits");
    await ingestCalls(workspace.id, [{ type: "identify", userId: "u1", traits: { phone: "(555) 060-0099" } }]);
    await ingestCalls(workspace.id, [{ type: "identify", anonymousId: "a1", traits: { phone: "+1 555 060 0099", city: "Austin" } }]);
    const db = await getDb();
    const ids = await db.select().from(profileIdentities).where(and(eq(profileIdentities.workspaceId, workspace.id), eq(profileIdentities.namespace, "phone")));
    expect(ids.map((i) => i.value)).toEqual(["+15550600099"]);
    const [profile] = await db.select().from(profiles).where(eq(profiles.id, ids[0]!.profileId));
    expect(profile!.attributes).toMatchObject({ phone: "+15550600099", city: "Austin" });
  });

  it("suppress the number in E.164 when Twilio reports a STOP, and send it nothing more", async () => {
    const { workspaceId, db, sms } = await profileWithPhone("+1 555-060-0099");
    const twilio = allowPrivateHost(await startFakeTwilio());
    try {
      const config = await createConfiguration(workspaceId, { name: "Twilio", pluginId: "sms-twilio", settings: { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, from: "+15005550006", baseUrl: twilio.url } }, cliActor);
      const sent = await sms({ configurationId: config.id });
      expect(sent.status).toBe("sent");
      expect(new URLSearchParams(twilio.requests.at(-1)!.body).get("To")).toBe("+15550600099");
      const sid = (await db.select().from(messages).where(eq(messages.id, sent.messageId)))[0]!.providerMessageId!;
      const url = `https://parcours.test/api/webhooks/channels/${config.id}`;
      const stop = statusCallback(AUTH_TOKEN, url, { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "21610", To: "+15550600099" });
      expect(await (await handleProviderWebhook(config.id, stop)).json()).toEqual({ received: 1, recorded: 1 });
      expect(await db.select({ address: suppressions.address, reason: suppressions.reason }).from(suppressions).where(eq(suppressions.workspaceId, workspaceId))).toEqual([{ address: "+15550600099", reason: "unsubscribed" }]);
      expect((await sms({ configurationId: config.id })).status).toBe("suppressed");
    } finally {
      await twilio.close();
    }
  });
});
