import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { messageContents, messages, profileIdentities, profiles } from "@/db/schema";
import { STARTER_CONTENT } from "@/server/templates/starter-content";
import { createTeam, optInToSms } from "@/test/fixtures";
import * as deliver from "./deliver";
import { readsOf } from "./liquid";
import { getMessage } from "./list-messages";
import { sendMessage } from "./send-message";

vi.mock("./deliver", async (actual) => {
  const real = await actual<typeof import("./deliver")>();
  return { ...real, deliverAll: vi.fn(real.deliverAll) };
});

describe("emails stored by reference", () => {
  it("keeps the subject and the values the template reads, and reads back exactly the email the provider got", async () => {
    const { workspace } = await createTeam(`Refs ${crypto.randomUUID().slice(0, 4)}`);
    const db = await getDb();
    const attributes = { firstName: "Ada", email: "ada@example.com", loyalty: "gold", notes: "x".repeat(2000) };
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values({ workspaceId: workspace.id, namespace: "email", value: "ada@example.com", profileId: p!.id });
    const content = STARTER_CONTENT.email as Record<string, unknown>;
    const outcome = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content, cacheKey: `starter:${workspace.id}`, context: { code: "A1", unused: "y" }, source: { type: "campaign", id: "c", stepId: "s" } });
    const delivered = vi.mocked(deliver.deliverAll).mock.calls.at(-1)![2][0]!.rendered;

    const [row] = await db.select().from(messages).where(eq(messages.id, outcome.messageId));
    expect(row!.content).toEqual({ subject: delivered.subject });
    expect(row!.contentKey).toBe(`starter:${workspace.id}`);
    expect(Object.keys((row!.contentScope!.profile ?? {}) as object)).not.toContain("notes");
    expect(JSON.stringify(row!.contentScope).length).toBeLessThan(300);
    expect(await db.select().from(messageContents).where(eq(messageContents.workspaceId, workspace.id))).toEqual([expect.objectContaining({ key: `starter:${workspace.id}`, kind: "email", content })]);

    const read = await getMessage(workspace.id, outcome.messageId);
    expect(read.content).toEqual(delivered);
    expect(String(read.content!.html).length).toBeGreaterThan(3000);
  });

  it("keeps every other kind, and an email without a content version, as rendered", async () => {
    const { workspace } = await createTeam(`Refs ${crypto.randomUUID().slice(0, 4)}`);
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id, attributes: { firstName: "Bo", email: "bo@example.com", phone: "+15551234567" } }).returning({ id: profiles.id });
    const email = await sendMessage({ workspaceId: workspace.id, kind: "email", profileId: p!.id, content: { subject: "Hi {{ profile.firstName }}", html: "<p>Hello</p>" }, source: { type: "test", id: "t", stepId: "1" } });
    await optInToSms(workspace.id, [p!.id]);
    const sms = await sendMessage({ workspaceId: workspace.id, kind: "sms", profileId: p!.id, content: { text: "Hi {{ profile.firstName }}" }, cacheKey: "sms:1", source: { type: "test", id: "t", stepId: "2" } });
    const rowOf = async (id: string) => (await db.select().from(messages).where(eq(messages.id, id)))[0]!;
    expect(await rowOf(email.messageId)).toMatchObject({ contentKey: null, content: { subject: "Hi Bo", html: expect.stringContaining("Hello") } });
    expect(await rowOf(sms.messageId)).toMatchObject({ contentKey: null, content: { text: "Hi Bo" } });
  });
});

describe("readsOf", () => {
  it("lists the keys a template reads per root, or all of a root read whole or by a computed key", () => {
    const reads = readsOf(["Hi {{ profile.firstName | default: 'there' }} {{ context.order.id }}", "{% for l in context.lines %}{{ l }}{% endfor %}{{ event[context.k] }}", "{{ profile }}x"]);
    expect(reads.context).toEqual(new Set(["order", "lines", "k"]));
    expect(reads.event).toBe("all");
    expect(reads.profile).toBe("all");
    expect(readsOf(["{{ profile.a }}{{ message.id }}{{ unsubscribe_url }}"])).toEqual({ profile: new Set(["a"]) });
  });
});
