import { Webhook } from "svix";
import { getDb } from "@/db/client";
import { campaigns, messages } from "@/db/schema";
import { FAKE_API_KEY, newWebhookSecret } from "@/plugins/email-resend/testing/fake-resend";
import { createApiKey } from "@/server/api-keys/manage-api-keys";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { createConfiguration } from "@/server/channels/manage-configurations";
import { createTestUpload } from "@/server/csv-import/test-upload";
import { createJourney } from "@/server/journeys/manage-journeys";
import { createTemplate } from "@/server/templates/manage-templates";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { findProfileId } from "@/server/profiles/get-profile";
import { createTeam } from "./fixtures";

/** One workspace with a member of each role, both kinds of key, and one of each thing a REST route names. */
export async function workspaceWorld(name: string) {
  const team = await createTeam(`${name} ${crypto.randomUUID().slice(0, 6)}`);
  const workspaceId = team.workspace.id;
  const writeKey = (await createApiKey(workspaceId, { name: "web", kind: "write" }, cliActor)).key;
  const secretKey = (await createApiKey(workspaceId, { name: "server", kind: "secret" }, cliActor)).key;
  const db = await getDb();
  const content = { subject: "Receipt", html: "<p>Order {{ context.orderId }}</p>" };
  const inbox = await createConfiguration(workspaceId, { pluginId: "dev-inbox", name: "Inbox", kind: "email" }, cliActor);
  const [campaign] = await db
    .insert(campaigns)
    .values({ workspaceId, name: "Receipt", type: "api", apiMode: "transactional", status: "active", kind: "email", configurationId: inbox.id, content })
    .returning();
  const list = await createAudience(workspaceId, { kind: "list", name: "Newsletter" }, cliActor);
  await ingestCalls(workspaceId, [{ type: "identify", userId: "42", traits: { email: "ada@example.com" } }]);
  const profileId = (await findProfileId(workspaceId, "external_id", "42"))!;
  const [message] = await db
    .insert(messages)
    .values({ workspaceId, pluginId: "dev-inbox", kind: "email", sourceType: "test", idempotencyKey: crypto.randomUUID(), recipient: "ada@example.com", profileId })
    .returning({ id: messages.id });
  const template = await createTemplate(workspaceId, { kind: "email", name: "Welcome", content: { subject: "Hi {{ profile.firstName | default: \"there\" }}", html: "<p>Order {{ context.orderId }}</p>" } }, cliActor);
  const journey = await createJourney(workspaceId, { name: "Onboarding" }, cliActor);
  const upload = await createTestUpload(workspaceId);
  const webhookSecret = newWebhookSecret();
  const resend = await createConfiguration(workspaceId, { pluginId: "email-resend", name: "Resend", kind: "email", settings: { apiKey: FAKE_API_KEY, fromAddress: "hello@acme.test", webhookSecret } }, cliActor);
  return {
    team,
    workspaceId,
    writeKey,
    secretKey,
    campaignId: campaign!.id,
    listId: list.id,
    templateId: template.id,
    journeyId: journey.id,
    profileId,
    messageId: message!.id,
    importId: upload.id,
    configurationId: resend.id,
    webhookSecret,
  };
}

export type TWorld = Awaited<ReturnType<typeof workspaceWorld>>;

/** Svix headers for a Resend webhook body, signed with `secret`. */
export function svixHeaders(secret: string, payload: string): Record<string, string> {
  const id = `msg_${crypto.randomUUID()}`;
  const at = new Date();
  return { "svix-id": id, "svix-timestamp": String(Math.floor(at.getTime() / 1000)), "svix-signature": new Webhook(secret).sign(id, at, payload) };
}
