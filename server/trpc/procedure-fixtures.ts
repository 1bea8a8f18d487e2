import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { cliActor } from "@/server/audit/actor";
import { inviteMember } from "@/server/members/invite-member";
import { getDb } from "@/db/client";
import { profiles, wfRuns } from "@/db/schema";
import { addMember } from "@/test/fixtures";
import { journeyIn, testEnrollmentIn, testProfileIn } from "@/server/journeys/testing/journey-fixtures";

async function profileIn(workspaceId: string) {
  const db = await getDb();
  const [profile] = await db.insert(profiles).values({ workspaceId, attributes: { secret: workspaceId } }).returning({ id: profiles.id });
  return profile!.id;
}

// A catalog entry whose build failed: removing it touches no column.
async function indexedAttributeToRemove() {
  const { indexedAttributes } = await import("@/db/schema");
  const entry = { key: "fixture-unindexed", type: "number" as const };
  await (await getDb()).insert(indexedAttributes).values({ ...entry, status: "failed", requestedBy: "test" }).onConflictDoUpdate({ target: [indexedAttributes.key, indexedAttributes.type], set: { status: "failed" } });
  return entry;
}

async function definitionIn(workspaceId: string) {
  const { createDefinition } = await import("@/server/events/manage-definitions");
  return (await createDefinition(workspaceId, { name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "t" }, cliActor)).id;
}

async function audienceIn(workspaceId: string, kind: "rules" | "list" = "list") {
  const { createAudience } = await import("@/server/audiences/manage-audiences");
  const name = `a-${crypto.randomUUID().slice(0, 8)}`;
  const input = kind === "list" ? { kind, name } : { kind, name, rules: { kind: "group" as const, combinator: "and" as const, rules: [] } };
  return (await createAudience(workspaceId, input, cliActor)).id;
}

// Stored as is, past the save-time check: its sends are refused by the guard at once, without the network.
async function webhookIn(workspaceId: string) {
  const { webhookEndpoints } = await import("@/db/schema");
  const { encryptSecret } = await import("@/server/crypto/secrets");
  const [row] = await (await getDb()).insert(webhookEndpoints).values({ workspaceId, url: "http://127.0.0.1:9/hooks", eventTypes: ["message.sent"], secret: encryptSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") }).returning();
  return row!.id;
}

async function webhookDeliveryIn(workspaceId: string) {
  const { webhookDeliveries } = await import("@/db/schema");
  const [row] = await (await getDb()).insert(webhookDeliveries).values({ workspaceId, endpointId: await webhookIn(workspaceId), eventId: "msg_fixture", eventType: "message.sent", payload: {}, status: "failed" }).returning();
  return row!.id;
}

const membershipOf = (audienceId: string) => ({ kind: "group", combinator: "and", rules: [{ kind: "membership", audienceId, member: true }] });

async function channelIn(workspaceId: string) {
  const { createConfiguration } = await import("@/server/channels/manage-configurations");
  return (await createConfiguration(workspaceId, { name: `c-${crypto.randomUUID().slice(0, 8)}`, pluginId: "dev-inbox", kind: "email" }, cliActor)).id;
}

async function topicIn(workspaceId: string) {
  const { createTopic } = await import("@/server/consents/manage-topics");
  return (await createTopic(workspaceId, { name: `t-${crypto.randomUUID().slice(0, 8)}`, channel: "email", defaultStatus: "opt_out" }, cliActor)).id;
}

async function messageIn(workspaceId: string) {
  const { messages } = await import("@/db/schema");
  const db = await getDb();
  const [m] = await db.insert(messages).values({ workspaceId, pluginId: "dev-inbox", kind: "email", sourceType: "test", idempotencyKey: crypto.randomUUID(), recipient: "x@example.com" }).returning({ id: messages.id });
  return m!.id;
}

async function suppressionIn(workspaceId: string) {
  const { addSuppression } = await import("@/server/messaging/manage-suppressions");
  return addSuppression(workspaceId, { channel: "email", address: `${crypto.randomUUID()}@example.com` }, cliActor);
}

async function templateIn(workspaceId: string) {
  const { createTemplate } = await import("@/server/templates/manage-templates");
  const { STARTER_CONTENT } = await import("@/server/templates/starter-content");
  return (await createTemplate(workspaceId, { kind: "sms", name: `t-${crypto.randomUUID().slice(0, 8)}`, content: STARTER_CONTENT.sms }, cliActor)).id;
}

async function savedBlockIn(workspaceId: string) {
  const { createSavedBlock } = await import("@/server/email-design/saved-blocks");
  return (await createSavedBlock(workspaceId, { name: `b-${crypto.randomUUID().slice(0, 8)}`, role: "footer", content: [{ type: "paragraph", content: [{ type: "text", text: "Footer" }] }] }, cliActor)).id;
}

async function runIn(workspaceId: string) {
  const db = await getDb();
  const event = { name: "parcours/maintenance.requested", data: { task: "prune-sign-in-failures", workspaceId }, id: crypto.randomUUID(), ts: Date.now() };
  const [run] = await db
    .insert(wfRuns)
    .values({ fnId: "parcours-maintenance.prune-sign-in-failures", status: "running", event, workspaceId, maxAttempts: 1, startedAt: new Date() })
    .returning({ id: wfRuns.id });
  return run!.id;
}

async function uploadIn(workspaceId: string) {
  const { createTestUpload } = await import("@/server/csv-import/test-upload");
  return createTestUpload(workspaceId);
}

async function campaignIn(workspaceId: string, status?: "in_review" | "approved" | "active" | "paused") {
  const { createCampaign } = await import("@/server/campaigns/manage-campaigns");
  const { campaigns } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  const c = await createCampaign(workspaceId, { name: `c-${crypto.randomUUID().slice(0, 8)}`, type: "scheduled", audienceId: await audienceIn(workspaceId), kind: "sms", content: { text: "Hi {{ profile.firstName }}" }, schedule: { type: "at", at: "2099-01-01T09:00", timezone: "UTC" } }, cliActor);
  if (status) await (await getDb()).update(campaigns).set({ status }).where(eq(campaigns.id, c.id));
  return c.id;
}

const campaignInput = async (workspaceId: string) => ({ name: `c-${crypto.randomUUID().slice(0, 8)}`, type: "scheduled", audienceId: await audienceIn(workspaceId), kind: "sms", content: { text: "Hi" }, schedule: { type: "at", at: "2099-01-01T09:00", timezone: "Europe/Paris" } });

/**
 * For every workspace procedure: a valid input against workspace `workspaceId`, creating
 * whatever entity it acts on. The permission test fails for a procedure missing here.
 */
export const workspaceProcedureInputs: Record<string, (workspaceId: string) => Promise<Record<string, unknown>>> = {
  "workspaces.get": async (workspaceId) => ({ workspaceId }),
  "workspaces.update": async (workspaceId) => ({ workspaceId, name: `Renamed ${crypto.randomUUID().slice(0, 4)}` }),
  "members.list": async (workspaceId) => ({ workspaceId }),
  "members.invite": async (workspaceId) => ({ workspaceId, email: `${crypto.randomUUID()}@example.com`, role: "viewer" }),
  "members.revokeInvite": async (workspaceId) => {
    const { invite } = await inviteMember(workspaceId, { email: `${crypto.randomUUID()}@example.com`, role: "manager" }, cliActor);
    return { workspaceId, inviteId: invite.id };
  },
  "members.changeRole": async (workspaceId) => ({ workspaceId, memberId: (await addMember(workspaceId, "viewer")).member.id, role: "manager" }),
  "members.remove": async (workspaceId) => ({ workspaceId, memberId: (await addMember(workspaceId, "viewer")).member.id }),
  "apiKeys.list": async (workspaceId) => ({ workspaceId }),
  "apiKeys.create": async (workspaceId) => ({ workspaceId, name: "CI key", kind: "secret" }),
  "apiKeys.revoke": async (workspaceId) => ({ workspaceId, keyId: (await createApiKey(workspaceId, { name: "k", kind: "write" }, cliActor)).id }),
  "webhooks.list": async (workspaceId) => ({ workspaceId }),
  "webhooks.create": async (workspaceId) => ({ workspaceId, url: "https://example.com/hooks", eventTypes: ["message.sent"] }),
  "webhooks.update": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId), enabled: false }),
  "webhooks.remove": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId) }),
  "webhooks.rotateSecret": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId) }),
  "webhooks.revealSecret": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId) }),
  "webhooks.deliveries": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId) }),
  "webhooks.sendTest": async (workspaceId) => ({ workspaceId, endpointId: await webhookIn(workspaceId) }),
  "webhooks.replay": async (workspaceId) => ({ workspaceId, deliveryId: await webhookDeliveryIn(workspaceId) }),
  "webhooks.rateLimit": async (workspaceId) => ({ workspaceId }),
  "webhooks.setRateLimit": async (workspaceId) => ({ workspaceId, requestsPerWindow: 100, windowSeconds: 60 }),
  "audit.list": async (workspaceId) => ({ workspaceId }),
  "audit.facets": async (workspaceId) => ({ workspaceId }),
  "profiles.list": async (workspaceId) => ({ workspaceId }),
  "profiles.attributeKeys": async (workspaceId) => ({ workspaceId }),
  "profiles.get": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.timeline": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.export": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "profiles.delete": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "indexedAttributes.list": async (workspaceId) => ({ workspaceId }),
  "events.definitions": async (workspaceId) => ({ workspaceId }),
  "events.recentMatches": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId) }),
  "events.create": async (workspaceId) => ({ workspaceId, name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "Order Completed" }),
  "events.update": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId), name: `d-${crypto.randomUUID().slice(0, 8)}`, trackName: "x" }),
  "events.delete": async (workspaceId) => ({ workspaceId, definitionId: await definitionIn(workspaceId) }),
  "audiences.list": async (workspaceId) => ({ workspaceId }),
  "audiences.get": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId, "rules") }),
  "audiences.preview": async (workspaceId) => ({ workspaceId, rules: membershipOf(await audienceIn(workspaceId)) }),
  "audiences.members": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId) }),
  "audiences.ofProfile": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "audiences.eventNames": async (workspaceId) => ({ workspaceId }),
  "audiences.create": async (workspaceId) => ({ workspaceId, audience: { kind: "rules", name: `a-${crypto.randomUUID().slice(0, 8)}`, rules: membershipOf(await audienceIn(workspaceId)) } }),
  "audiences.update": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), audience: { kind: "list", name: `a-${crypto.randomUUID().slice(0, 8)}` } }),
  "audiences.delete": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId) }),
  "audiences.addMembers": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), profiles: [await profileIn(workspaceId)] }),
  "audiences.removeMembers": async (workspaceId) => ({ workspaceId, audienceId: await audienceIn(workspaceId), profiles: [await profileIn(workspaceId)] }),
  "csvImports.list": async (workspaceId) => ({ workspaceId }),
  "csvImports.get": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.errors": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.preview": async (workspaceId) => ({ workspaceId, importId: (await uploadIn(workspaceId)).id }),
  "csvImports.start": async (workspaceId) => ({
    workspaceId,
    importId: (await uploadIn(workspaceId)).id,
    listName: `Imported ${crypto.randomUUID().slice(0, 8)}`,
    mapping: [{ column: 0, header: "email", role: "identity", namespace: "email" }],
  }),
  "channels.list": async (workspaceId) => ({ workspaceId }),
  "channels.providers": async (workspaceId) => ({ workspaceId }),
  "channels.get": async (workspaceId) => ({ workspaceId, configurationId: await channelIn(workspaceId) }),
  "channels.create": async (workspaceId) => ({ workspaceId, configuration: { name: `c-${crypto.randomUUID().slice(0, 8)}`, pluginId: "webhook", settings: { url: "https://example.com/hook", secret: "0123456789abcdef" } } }),
  "channels.update": async (workspaceId) => ({ workspaceId, configurationId: await channelIn(workspaceId), configuration: { name: `c-${crypto.randomUUID().slice(0, 8)}`, pluginId: "dev-inbox", isDefault: true } }),
  "channels.delete": async (workspaceId) => ({ workspaceId, configurationId: await channelIn(workspaceId) }),
  "channels.test": async (workspaceId) => ({ workspaceId, configurationId: await channelIn(workspaceId) }),
  "channels.settings": async (workspaceId) => ({ workspaceId }),
  "channels.updateSettings": async (workspaceId) => ({ workspaceId, settings: { frequencyCap: { max: 3, hours: 24 }, quietHours: { start: "21:00", end: "08:00" }, defaultTimezone: "Europe/Paris" } }),
  "messages.list": async (workspaceId) => ({ workspaceId }),
  "messages.get": async (workspaceId) => ({ workspaceId, messageId: await messageIn(workspaceId) }),
  "messages.suppressions": async (workspaceId) => ({ workspaceId }),
  "messages.addSuppression": async (workspaceId) => ({ workspaceId, suppression: { channel: "email", address: `${crypto.randomUUID()}@example.com` } }),
  "messages.removeSuppression": async (workspaceId) => ({ workspaceId, ...(await suppressionIn(workspaceId)) }),
  "consents.topics": async (workspaceId) => ({ workspaceId }),
  "consents.createTopic": async (workspaceId) => ({ workspaceId, topic: { name: `t-${crypto.randomUUID().slice(0, 8)}`, channel: "email", defaultStatus: "opt_out" } }),
  "consents.updateTopic": async (workspaceId) => ({ workspaceId, topicId: await topicIn(workspaceId), topic: { name: `t-${crypto.randomUUID().slice(0, 8)}` } }),
  "consents.profile": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId) }),
  "consents.updateProfile": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId), changes: { channels: { email: "unsubscribed" } } }),
  "templates.list": async (workspaceId) => ({ workspaceId, kind: "sms" }),
  "templates.get": async (workspaceId) => ({ workspaceId, templateId: await templateIn(workspaceId) }),
  "templates.create": async (workspaceId) => ({ workspaceId, template: { kind: "sms", name: `t-${crypto.randomUUID().slice(0, 8)}`, content: { text: "Hi {{ profile.firstName }}" } } }),
  "templates.update": async (workspaceId) => ({ workspaceId, templateId: await templateIn(workspaceId), template: { name: `t-${crypto.randomUUID().slice(0, 8)}`, content: { text: "Hello" } } }),
  "templates.delete": async (workspaceId) => ({ workspaceId, templateId: await templateIn(workspaceId) }),
  "templates.preview": async (workspaceId) => ({ workspaceId, kind: "sms", content: { text: "Hi {{ profile.secret }}" }, profileId: await profileIn(workspaceId) }),
  "templates.sendTest": async (workspaceId) => ({ workspaceId, kind: "email", content: { subject: "Test", html: "<p>Hi {{ profile.secret }}</p>" }, templateId: await templateIn(workspaceId), profileId: await profileIn(workspaceId) }),
  "emailDesign.brand": async (workspaceId) => ({ workspaceId }),
  "emailDesign.updateBrand": async (workspaceId) => ({ workspaceId, brand: { primaryColor: "#123456" } }),
  "emailDesign.blocks": async (workspaceId) => ({ workspaceId }),
  "emailDesign.saveBlock": async (workspaceId) => ({ workspaceId, block: { name: `b-${crypto.randomUUID().slice(0, 8)}`, content: [{ type: "paragraph", content: [{ type: "text", text: "Hi" }] }] } }),
  "emailDesign.deleteBlock": async (workspaceId) => ({ workspaceId, blockId: await savedBlockIn(workspaceId) }),
  "runs.list": async (workspaceId) => ({ workspaceId }),
  "runs.stats": async (workspaceId) => ({ workspaceId }),
  "runs.retention": async (workspaceId) => ({ workspaceId }),
  "runs.setRetention": async (workspaceId) => ({ workspaceId, days: 30 }),
  "runs.functions": async (workspaceId) => ({ workspaceId }),
  "runs.get": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.cancel": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.retry": async (workspaceId) => ({ workspaceId, runId: await runIn(workspaceId) }),
  "runs.runMaintenance": async (workspaceId) => ({ workspaceId, task: "prune-sign-in-failures" }),
  "campaigns.list": async (workspaceId) => ({ workspaceId }),
  "campaigns.get": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId) }),
  "campaigns.awaitingReview": async (workspaceId) => ({ workspaceId }),
  "campaigns.report": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId) }),
  "campaigns.recipients": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId) }),
  "campaigns.create": async (workspaceId) => ({ workspaceId, campaign: await campaignInput(workspaceId) }),
  "campaigns.update": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId), campaign: await campaignInput(workspaceId) }),
  "campaigns.delete": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId) }),
  "campaigns.submit": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId) }),
  "campaigns.approve": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "in_review") }),
  "campaigns.reject": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "in_review"), comment: "Fix the subject" }),
  "campaigns.activate": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "approved") }),
  "campaigns.pause": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "active") }),
  "campaigns.resume": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "paused") }),
  "campaigns.stop": async (workspaceId) => ({ workspaceId, campaignId: await campaignIn(workspaceId, "active") }),
  "campaigns.approval": async (workspaceId) => ({ workspaceId }),
  "journeys.list": async (workspaceId) => ({ workspaceId }),
  "journeys.get": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId)).id }),
  "journeys.version": async (workspaceId) => ({ workspaceId, versionId: (await (await import("@/server/journeys/query-journeys")).getJourney(workspaceId, (await journeyIn(workspaceId, "live")).id)).journey.liveVersionId }),
  "journeys.stats": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "live")).id }),
  "journeys.nodeProfiles": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "live")).id, nodeId: "sms" }),
  "journeys.trace": async (workspaceId) => ({ workspaceId, enrollmentId: (await testEnrollmentIn(workspaceId)).enrollmentId }),
  "journeys.testRuns": async (workspaceId) => ({ workspaceId, journeyId: (await testEnrollmentIn(workspaceId)).journeyId }),
  "journeys.testProfiles": async (workspaceId) => ({ workspaceId, journeyId: (await testEnrollmentIn(workspaceId)).journeyId }),
  "journeys.forProfile": async (workspaceId) => ({ workspaceId, profileId: (await testEnrollmentIn(workspaceId)).profileId }),
  "journeys.create": async (workspaceId) => ({ workspaceId, name: `j-${crypto.randomUUID().slice(0, 8)}` }),
  "journeys.update": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId)).id, name: `j-${crypto.randomUUID().slice(0, 8)}` }),
  "journeys.saveDraft": async (workspaceId) => {
    const j = await journeyIn(workspaceId);
    return { workspaceId, journeyId: j.id, revision: j.revision, graph: j.graph, settings: j.settings };
  },
  "journeys.delete": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId)).id }),
  "journeys.submit": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId)).id }),
  "journeys.approve": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "in_review")).id }),
  "journeys.reject": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "in_review")).id, comment: "Shorter wait" }),
  "journeys.publish": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "approved")).id }),
  "journeys.stop": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "live")).id }),
  "journeys.close": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "live")).id }),
  "journeys.setTestMode": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId)).id, on: true }),
  "journeys.sendTest": async (workspaceId) => ({ workspaceId, journeyId: (await journeyIn(workspaceId, "testing")).id, profileIds: [await testProfileIn(workspaceId)] }),
  "journeys.fireReaction": async (workspaceId) => ({ workspaceId, enrollmentId: (await testEnrollmentIn(workspaceId)).enrollmentId, messageNodeId: "sms", reaction: "clicked" }),
  "journeys.fireEvent": async (workspaceId) => ({ workspaceId, enrollmentId: (await testEnrollmentIn(workspaceId)).enrollmentId, definitionId: await definitionIn(workspaceId), properties: { a: 1 } }),
  "journeys.skipWait": async (workspaceId) => ({ workspaceId, enrollmentId: (await testEnrollmentIn(workspaceId)).enrollmentId }),
  "runs.clock": async (workspaceId) => ({ workspaceId }),
  "runs.advanceClock": async (workspaceId) => ({ workspaceId, duration: "1s" }),
  "profiles.markTest": async (workspaceId) => ({ workspaceId, profileId: await profileIn(workspaceId), isTest: true }),
  "campaigns.setApproval": async (workspaceId) => ({ workspaceId, required: true }),
};

/** Inputs of the instance-wide procedures (access "operator"): no workspace. */
export const operatorProcedureInputs: Record<string, () => Promise<Record<string, unknown>>> = {
  "indexedAttributes.index": async () => ({ key: "plan", type: "string" }),
  "indexedAttributes.unindex": indexedAttributeToRemove,
};
