import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeyEnrollments, journeys, messages, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import type { TJourneyGraph } from "../graph/model";
import { createJourney } from "../manage-journeys";
import { freezeVersion } from "../publish-journey";

/** entry (a list) -> SMS -> wait 1 day -> exit: the smallest journey that can be tested and published. */
export function smallGraph(listId: string): TJourneyGraph {
  return {
    nodes: [
      { id: "entry", type: "entry_audience", position: { x: 0, y: 0 }, data: { audienceId: listId } },
      { id: "sms", type: "message", position: { x: 0, y: 120 }, data: { kind: "sms", content: { text: "Hi {{ profile.firstName }}" } } },
      { id: "wait", type: "wait", position: { x: 0, y: 240 }, data: { mode: "duration", duration: { amount: 1, unit: "days" } } },
      { id: "done", type: "exit", position: { x: 0, y: 360 }, data: {} },
    ],
    edges: [
      { id: "e1", source: "entry", sourceHandle: "next", target: "sms" },
      { id: "e2", source: "sms", sourceHandle: "next", target: "wait" },
      { id: "e3", source: "wait", sourceHandle: "next", target: "done" },
    ],
  };
}

export type TJourneyState = "draft" | "in_review" | "approved" | "live" | "testing";

/** A journey of the workspace in the given state (set directly: these are fixtures, not the flow under test). */
export async function journeyIn(workspaceId: string, state: TJourneyState = "draft") {
  const list = await createAudience(workspaceId, { kind: "list", name: `l-${crypto.randomUUID().slice(0, 8)}` }, cliActor);
  const j = await createJourney(workspaceId, { name: `j-${crypto.randomUUID().slice(0, 8)}` }, cliActor, { graph: smallGraph(list.id) });
  const db = await getDb();
  if (state === "in_review" || state === "approved") await db.update(journeys).set({ review: state }).where(eq(journeys.id, j.id));
  if (state === "live") {
    const v = await freezeVersion(db, j, false, cliActor);
    await db.update(journeys).set({ status: "live", liveVersionId: v.id, draftChanged: false }).where(eq(journeys.id, j.id));
  }
  if (state === "testing") await db.update(journeys).set({ testMode: true }).where(eq(journeys.id, j.id));
  return j;
}

export async function testProfileIn(workspaceId: string) {
  const db = await getDb();
  const [p] = await db.insert(profiles).values({ workspaceId, isTest: true, attributes: { firstName: "Tess" } }).returning({ id: profiles.id });
  return p!.id;
}

/** A test run waiting at the wait node, having been sent the SMS. */
export async function testEnrollmentIn(workspaceId: string) {
  const j = await journeyIn(workspaceId, "testing");
  const db = await getDb();
  const v = await freezeVersion(db, j, true, cliActor);
  const profileId = await testProfileIn(workspaceId);
  const [e] = await db.insert(journeyEnrollments).values({ workspaceId, journeyId: j.id, versionId: v.id, profileId, isTest: true, currentNodeId: "wait" }).returning();
  await db.insert(messages).values({ workspaceId, pluginId: "dev-inbox", kind: "sms", profileId, sourceType: "journey", sourceId: j.id, stepId: "sms", idempotencyKey: `journey:${e!.id}:sms`, recipient: "+15550000000", isTest: true, status: "sent" });
  return { journeyId: j.id, enrollmentId: e!.id, profileId };
}
