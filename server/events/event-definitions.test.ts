import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { events, wfEvents } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { createTeam } from "@/test/fixtures";
import { createDefinition, listDefinitions, recentMatches, updateDefinition } from "./manage-definitions";
import { PURCHASE_EVENT } from "./purchase-event";

const purchase = PURCHASE_EVENT;

describe("event definitions at ingestion", () => {
  it("turns matching track calls into the business event and publishes it to workflows", async () => {
    await createAppExecutor({ clock: new VirtualClock() });
    const { workspace } = await createTeam("Events");
    const definition = await createDefinition(workspace.id, purchase, cliActor);
    await ingestCalls(workspace.id, [
      { type: "track", userId: "u1", event: "purchase", properties: { product: "Shoes", purchaseId: "p1", purchaseMessage: "thank you" } },
      { type: "track", userId: "u1", event: "purchase", properties: { product: "Hat", purchaseId: "p2", purchaseMessage: "hi" } },
    ]);
    const db = await getDb();
    const stored = await db.select().from(events).where(eq(events.workspaceId, workspace.id));
    expect(stored.filter((e) => e.definitionId === definition.id).map((e) => e.properties.product)).toEqual(["Shoes"]);
    const published = await db.select().from(wfEvents).where(eq(wfEvents.name, "parcours/event.received"));
    expect(published.map((e) => e.data)).toEqual([expect.objectContaining({ workspaceId: workspace.id, definitionId: definition.id, name: "purchase" })]);
    expect((await listDefinitions(workspace.id))[0]?.matchesLast7Days).toBe(1);
    expect(await recentMatches(workspace.id, definition.id)).toHaveLength(1);
  });

  it("rejects a matching call with a bad field, naming it, and stores nothing", async () => {
    const { workspace } = await createTeam("Strict");
    await createDefinition(workspace.id, purchase, cliActor);
    await expect(
      ingestCalls(workspace.id, [{ type: "track", userId: "u1", event: "purchase", properties: { product: 5, purchaseId: "p", purchaseMessage: "thank you" } }], { batch: true }),
    ).rejects.toMatchObject({ path: "batch[0].properties.product" });
    const db = await getDb();
    expect(await db.select().from(events).where(eq(events.workspaceId, workspace.id))).toEqual([]);
  });

  it("validates definitions: duplicate names and bad conditions name their field", async () => {
    const { workspace } = await createTeam("Defs");
    const first = await createDefinition(workspace.id, purchase, cliActor);
    await expect(createDefinition(workspace.id, purchase, cliActor)).rejects.toMatchObject({ code: "CONFLICT", field: "name" });
    await expect(createDefinition(workspace.id, { ...purchase, name: "other", condition: "purchaseMessage ==" }, cliActor)).rejects.toThrow(/not a valid expression/);
    const renamed = await updateDefinition(workspace.id, first.id, { ...purchase, name: "Purchase done" }, cliActor);
    expect(renamed.name).toBe("Purchase done");
  });
});
