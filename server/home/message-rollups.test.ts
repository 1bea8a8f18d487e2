import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { eq } from "drizzle-orm";
import { events, messageDailyStats, messageEvents, messages, profiles } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { PURCHASE_EVENT } from "@/server/events/purchase-event";
import { createTeam } from "@/test/fixtures";
import { foldMessageStats, messageStats } from "./message-rollups";

describe("the home page's message rollup", () => {
  it("counts sends, first human opens and clicks, unsubscribes and conversions per channel and day, never test messages", async () => {
    const { workspace } = await createTeam("Home rollup");
    const db = await getDb();
    const [buyer, other] = await db.insert(profiles).values([{ workspaceId: workspace.id }, { workspaceId: workspace.id }]).returning();
    const def = await createDefinition(workspace.id, PURCHASE_EVENT, cliActor);
    const message = (key: string, kind: string, profileId: string, isTest = false) => ({ workspaceId: workspace.id, profileId, pluginId: "dev-inbox", kind, sourceType: "campaign" as const, idempotencyKey: key, status: "delivered" as const, isTest });
    const sent = await db.insert(messages).values([message("e1", "email", buyer!.id), message("e2", "email", other!.id), message("s1", "sms", other!.id), message("t1", "email", buyer!.id, true)]).returning();
    const id = (key: string) => sent.find((m) => m.idempotencyKey === key)!.id;
    const ev = (key: string, type: "sent" | "delivered" | "opened" | "clicked" | "unsubscribed", data: Record<string, unknown> = {}) => ({ messageId: id(key), workspaceId: workspace.id, type, data });
    await db.insert(messageEvents).values([ev("e1", "sent"), ev("e2", "sent"), ev("s1", "sent"), ev("t1", "sent"), ev("e1", "delivered"), ev("e1", "opened", { machine: true })]);
    await db.insert(messageEvents).values([ev("e1", "opened"), ev("e1", "opened"), ev("e2", "opened"), ev("e1", "clicked"), ev("e2", "unsubscribed"), ev("t1", "opened")]);
    await db.insert(messageEvents).values([ev("e1", "opened"), ev("e1", "clicked")]);
    // A purchase by the email recipient: a conversion of email. A track call with no definition is not one.
    const track = (definitionId: string | null) => ({ workspaceId: workspace.id, profileId: buyer!.id, type: "track" as const, name: "purchase", messageId: crypto.randomUUID(), definitionId, timestamp: new Date() });
    await db.insert(events).values([track(def.id), track(null)]);

    const stats = await messageStats(workspace.id, 7);
    const email = stats.byChannel.find((c) => c.kind === "email")!;
    expect(email).toMatchObject({ sent: 2, delivered: 1, opened: 2, clicked: 1, unsubscribed: 1, converted: 1 });
    expect(stats.byChannel.find((c) => c.kind === "sms")).toMatchObject({ sent: 1, opened: 0, converted: 0 });
    expect(stats.totals.sent).toBe(3);
    expect(stats.daily).toHaveLength(7);
    expect(stats.daily.at(-1)!.byKind).toEqual({ email: 2, sms: 1 });
    // Folded once: reading again counts the same.
    expect((await messageStats(workspace.id, 30)).totals).toEqual(stats.totals);
  });

  it("folds events older than a minute once, and counts the last minute live, never twice", async () => {
    const { workspace } = await createTeam("Home fold");
    const db = await getDb();
    const [p] = await db.insert(profiles).values({ workspaceId: workspace.id }).returning();
    const [old, fresh] = await db.insert(messages).values(["old", "fresh"].map((key) => ({ workspaceId: workspace.id, profileId: p!.id, pluginId: "dev-inbox", kind: "push", sourceType: "journey" as const, idempotencyKey: key, status: "delivered" as const }))).returning();
    await db.insert(messageEvents).values([{ messageId: old!.id, workspaceId: workspace.id, type: "sent", at: new Date(Date.now() - 5 * 60_000) }, { messageId: fresh!.id, workspaceId: workspace.id, type: "sent" }]);
    await foldMessageStats(workspace.id);
    const folded = await db.select().from(messageDailyStats).where(eq(messageDailyStats.workspaceId, workspace.id));
    expect(folded.map((r) => [r.kind, r.metric, r.n])).toEqual([["push", "sent", 1]]);
    for (let i = 0; i < 2; i++) expect((await messageStats(workspace.id, 7)).totals.sent).toBe(2);
  });
});
