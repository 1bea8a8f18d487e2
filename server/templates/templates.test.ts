import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLog, messages, profileIdentities, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { createTemplate, deleteTemplate, updateTemplate } from "./manage-templates";
import { previewTemplate } from "./preview-template";
import { getTemplate, listTemplates } from "./query-templates";
import { sendTest } from "./send-test";
import { campaignStarter, STARTER_CONTENT } from "./starter-content";

async function setup() {
  const { workspace } = await createTeam(`Templates ${crypto.randomUUID().slice(0, 4)}`);
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { firstName: "Ada", city: "Paris" } }).returning({ id: profiles.id });
  await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
  return { workspaceId: workspace.id, profileId: p!.id, db };
}

const fieldOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { field?: string; message: string }) => ({ field: error.field, message: error.message }));

describe("templates", () => {
  it("creates, versions on every save, lists by kind and deletes, with audit entries", async () => {
    const { workspaceId, db } = await setup();
    const email = await createTemplate(workspaceId, { kind: "email", name: "Order shipped", content: STARTER_CONTENT.email }, cliActor);
    await createTemplate(workspaceId, { kind: "sms", name: "Order SMS", content: STARTER_CONTENT.sms }, cliActor);
    expect(email.version).toBe(1);
    const saved = await updateTemplate(workspaceId, email.id, { name: "Order shipped v2", content: { ...STARTER_CONTENT.email, subject: "Shipped" } }, cliActor);
    expect(saved).toMatchObject({ version: 2, name: "Order shipped v2", content: { subject: "Shipped" } });
    expect((await listTemplates(workspaceId, "email")).map((t) => t.name)).toEqual(["Order shipped v2"]);
    expect(await listTemplates(workspaceId)).toHaveLength(2);
    await deleteTemplate(workspaceId, email.id, cliActor);
    await expect(getTemplate(workspaceId, email.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const actions = (await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.entityType, "template")))).map((a) => a.action);
    expect(actions.sort()).toEqual(["template.create", "template.create", "template.delete", "template.update"]);
  });

  it("refuses invalid content at save, naming the field", async () => {
    const { workspaceId } = await setup();
    const make = (kind: "email" | "push" | "sms", content: Record<string, unknown>) => fieldOf(createTemplate(workspaceId, { kind, name: crypto.randomUUID(), content }, cliActor));
    expect(await make("email", { ...STARTER_CONTENT.email, subject: "Hi {{ profil.firstName }}" })).toEqual({ field: "content.subject", message: expect.stringContaining('Unknown merge tag root "profil"') });
    expect(await make("email", { ...STARTER_CONTENT.email, preheader: "{{ profile.name | nofilter }}" })).toMatchObject({ field: "content.preheader" });
    const badBody = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "{% if profile.vip %}VIP" }] }] };
    expect(await make("email", { subject: "s", document: badBody })).toMatchObject({ field: "content.document" });
    expect(await make("email", { subject: "s", document: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "{{ order.id }}" }] }] } })).toMatchObject({ field: "content.document", message: expect.stringContaining('"order"') });
    expect(await make("push", { title: "", body: "b" })).toEqual({ field: "content.title", message: "Title is required" });
    expect(await make("push", { title: "t", body: "b", url: "https://x.example/{{ evnt.id }}" })).toMatchObject({ field: "content.url" });
    expect(await make("sms", { text: "Hi {{ profile.firstName | default: 'x' }" })).toMatchObject({ field: "content.text" });
    await createTemplate(workspaceId, { kind: "sms", name: "Taken", content: STARTER_CONTENT.sms }, cliActor);
    expect(await make("sms", STARTER_CONTENT.sms).then(() => fieldOf(createTemplate(workspaceId, { kind: "sms", name: "taken", content: STARTER_CONTENT.sms }, cliActor)))).toMatchObject({ field: "name" });
  });

  it("starts a scheduled campaign with a newsletter and an API campaign with the order notice", async () => {
    const { workspaceId, profileId } = await setup();
    expect(campaignStarter("api", "email")).toBe(STARTER_CONTENT.email);
    const email = await previewTemplate(workspaceId, { kind: "email", content: campaignStarter("scheduled", "email"), profileId });
    expect(email.subject).toBe("Ada, new this week: 20% off");
    expect(email.html).toContain("picked for Paris");
    expect(email.html).not.toContain("your order");
    expect(await previewTemplate(workspaceId, { kind: "sms", content: campaignStarter("scheduled", "sms"), profileId })).toEqual({ text: "Hi Ada, new this week: 20% off fresh arrivals until Sunday. Reply STOP to opt out." });
    expect(await previewTemplate(workspaceId, { kind: "push", content: campaignStarter("scheduled", "push"), profileId })).toMatchObject({ title: "New this week", url: "https://shop.example/new" });
  });

  it("previews a draft as a chosen profile, with context, without tracking", async () => {
    const { workspaceId, profileId } = await setup();
    const email = await previewTemplate(workspaceId, { kind: "email", content: STARTER_CONTENT.email, profileId, context: { orderId: "A-17" } });
    expect(email.subject).toBe("Ada, your order is on its way");
    expect(email.html).toContain("Hello Ada</h1>");
    expect(email.html).toContain("on its way to Paris");
    expect(email.html).toContain('href="https://shop.example/track?order=A-17"');
    expect(email.html).not.toContain("/t/o/");
    expect(email.text).toContain("Shop the sale (https://shop.example/sale)");
    const anonymous = await previewTemplate(workspaceId, { kind: "email", content: STARTER_CONTENT.email });
    expect(anonymous.html).toContain("Hello there</h1>");
    expect(await previewTemplate(workspaceId, { kind: "push", content: STARTER_CONTENT.push, profileId })).toMatchObject({ title: "Hi Ada", url: "https://shop.example/orders" });
    expect(await previewTemplate(workspaceId, { kind: "sms", content: STARTER_CONTENT.sms, profileId, context: { orderId: "9" } })).toEqual({ text: "Hi Ada, your order 9 ships today. Reply STOP to opt out." });
    const other = await setup();
    await expect(previewTemplate(workspaceId, { kind: "sms", content: STARTER_CONTENT.sms, profileId: other.profileId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("sends a test to the user as the chosen profile, marked as a test", async () => {
    const { workspaceId, profileId, db } = await setup();
    const template = await createTemplate(workspaceId, { kind: "email", name: "T", content: STARTER_CONTENT.email }, cliActor);
    const outcome = await sendTest(workspaceId, { kind: "email", content: STARTER_CONTENT.email, templateId: template.id, profileId }, { email: "me@example.com" }, cliActor);
    expect(outcome).toMatchObject({ status: "delivered", error: null });
    const [row] = await db.select().from(messages).where(eq(messages.id, outcome.messageId));
    expect(row).toMatchObject({ recipient: "me@example.com", isTest: true, sourceType: "test", sourceId: template.id });
    expect(row!.content).toMatchObject({ subject: "Ada, your order is on its way" });
    const again = await sendTest(workspaceId, { kind: "email", content: STARTER_CONTENT.email, templateId: template.id, profileId }, { email: "me@example.com" }, cliActor);
    expect(again.messageId).not.toBe(outcome.messageId);
    expect(await fieldOf(sendTest(workspaceId, { kind: "sms", content: STARTER_CONTENT.sms, profileId }, { email: "me@example.com" }, cliActor))).toMatchObject({ field: "to" });
    const sms = await sendTest(workspaceId, { kind: "sms", content: STARTER_CONTENT.sms, profileId, to: "+33 6 12 34 56 78" }, { email: "me@example.com" }, cliActor);
    expect(sms).toMatchObject({ status: "delivered" });
    expect((await db.select().from(messages).where(eq(messages.id, sms.messageId)))[0]).toMatchObject({ recipient: "+33612345678", content: { text: expect.stringContaining("Hi Ada") } });
  });
});
