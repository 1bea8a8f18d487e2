import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { messageEvents, messages } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { createTeam } from "@/test/fixtures";
import { journeyStats } from "./journey-stats";
import { createJourney } from "./manage-journeys";

describe("journey stats", () => {
  it("count a click as an open, and a message only a machine opened apart", async () => {
    const { workspace } = await createTeam("Journey stats");
    const journey = await createJourney(workspace.id, { name: "Welcome" }, cliActor);
    const db = await getDb();
    const sent = await db
      .insert(messages)
      .values(["clicked", "apple", "scanned", "read"].map((key) => ({ workspaceId: workspace.id, pluginId: "dev-inbox", kind: "email", sourceType: "journey" as const, sourceId: journey.id, stepId: "welcome", idempotencyKey: key, status: "delivered" as const })))
      .returning({ id: messages.id, key: messages.idempotencyKey });
    const id = (key: string) => sent.find((m) => m.key === key)!.id;
    const event = (key: string, type: "opened" | "clicked", data: Record<string, unknown> = {}) => ({ messageId: id(key), workspaceId: workspace.id, type, data });
    await db.insert(messageEvents).values([
      event("clicked", "clicked", { url: "https://x.test" }),
      event("apple", "opened", { machine: true, machineKind: "apple-privacy" }),
      event("scanned", "clicked", { url: "https://x.test", machine: true, machineKind: "security-scanner" }),
      event("read", "opened"),
      event("read", "opened", { machine: true, machineKind: "apple-privacy" }),
    ]);
    const { nodes } = await journeyStats(workspace.id, journey.id, false);
    expect(nodes.welcome).toMatchObject({ sent: 4, opened: 2, clicked: 1, machineOpened: 2 });
  });
});
