import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { eventDefinitions, journeyEnrollments, journeyVersions, messages, profileIdentities } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { mismatchReason } from "@/server/events/event-sample";
import { matchDefinition } from "@/server/events/match-definitions";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { ZTrack } from "@/server/ingestion/schemas";
import { recordMessageEvent } from "@/server/messaging/message-events";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { eventReceived, journeySkipped, messageEvent } from "@/server/workflows/events";
import { journeyMessageKey } from "./engine/conditions";

const NIL = "00000000-0000-0000-0000-000000000000";

async function testEnrollment(workspaceId: string, enrollmentId: string) {
  const db = await getDb();
  const [e] = await db
    .select({ id: journeyEnrollments.id, journeyId: journeyEnrollments.journeyId, profileId: journeyEnrollments.profileId, status: journeyEnrollments.status, currentNodeId: journeyEnrollments.currentNodeId, isTest: journeyEnrollments.isTest, graph: journeyVersions.graph })
    .from(journeyEnrollments)
    .innerJoin(journeyVersions, eq(journeyVersions.id, journeyEnrollments.versionId))
    .where(and(eq(journeyEnrollments.id, enrollmentId), eq(journeyEnrollments.workspaceId, workspaceId)));
  if (!e) throw notFound("Test run");
  if (!e.isTest) throw new AppError("BAD_REQUEST", "Only test runs can be driven from the canvas");
  return e;
}

/** "Opened" / "clicked" on the message a test run got at a node: recorded as the real reaction would be. */
export async function fireReaction(workspaceId: string, enrollmentId: string, messageNodeId: string, reaction: "opened" | "clicked" | "delivered", actor: TActor) {
  const e = await testEnrollment(workspaceId, enrollmentId);
  const db = await getDb();
  const [m] = await db.select({ id: messages.id }).from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.idempotencyKey, journeyMessageKey(e.id, messageNodeId))));
  if (!m) throw new AppError("CONFLICT", "This test run has not received that message yet", "messageNodeId");
  await recordMessageEvent(m.id, reaction, { test: true, ...(reaction === "clicked" ? { url: "https://example.com/test-click" } : {}) });
  await recordAudit(db, { workspaceId, actor, action: "journey.test-fire", entityType: "journey", entityId: e.journeyId, diff: { reaction: { from: null, to: reaction } } });
  return { messageId: m.id };
}

/** A business event for the test profile, ingested like a real track call (its definition's condition applies): says whether it matched, and if not, why. */
export async function fireBusinessEvent(workspaceId: string, enrollmentId: string, definitionId: string, properties: Record<string, unknown>, actor: TActor) {
  const e = await testEnrollment(workspaceId, enrollmentId);
  const db = await getDb();
  const [def] = await db.select().from(eventDefinitions).where(and(eq(eventDefinitions.id, definitionId), eq(eventDefinitions.workspaceId, workspaceId)));
  if (!def) throw notFound("Business event");
  const identity = await trackIdentity(workspaceId, e.profileId);
  const call = ZTrack.parse({ type: "track", event: def.trackName, properties, ...identity });
  await ingestCalls(workspaceId, [{ ...call, type: "track" }]);
  await recordAudit(db, { workspaceId, actor, action: "journey.test-fire", entityType: "journey", entityId: e.journeyId, diff: { event: { from: null, to: def.name } } });
  // Stored either way; only a match is the business event a journey waits for.
  const matched = matchDefinition([def], def.trackName, properties) !== null;
  return { event: def.trackName, matched, reason: matched ? null : mismatchReason(def, properties) };
}

/** The id a track call for the profile carries; a test profile known only by email gets an anonymous id. */
async function trackIdentity(workspaceId: string, profileId: string): Promise<{ userId: string } | { anonymousId: string }> {
  const db = await getDb();
  const ids = await db.select().from(profileIdentities).where(and(eq(profileIdentities.profileId, profileId), inArray(profileIdentities.namespace, ["external_id", "anonymous_id"])));
  const external = ids.find((i) => i.namespace === "external_id")?.value;
  if (external) return { userId: external };
  const anonymous = ids.find((i) => i.namespace === "anonymous_id")?.value;
  if (anonymous) return { anonymousId: anonymous };
  const value = `test-${profileId}`;
  await db.insert(profileIdentities).values({ workspaceId, profileId, namespace: "anonymous_id", value }).onConflictDoNothing();
  return { anonymousId: value };
}

/** Skip: the wait the test run is in ends now (a reaction or event wait takes its timeout path). */
export async function skipWait(workspaceId: string, enrollmentId: string, actor: TActor) {
  const e = await testEnrollment(workspaceId, enrollmentId);
  const node = e.graph.nodes.find((n) => n.id === e.currentNodeId);
  if (e.status !== "active" || !node || !["wait", "reaction", "wait_event"].includes(node.type)) throw new AppError("CONFLICT", "This test run is not waiting");
  if (canPublishEvents()) {
    const now = new Date().toISOString();
    if (node.type === "wait") await publishEvents(journeySkipped.create({ enrollmentId, nodeId: node.id }));
    if (node.type === "reaction") await publishEvents(messageEvent.create({ workspaceId, messageId: NIL, profileId: e.profileId, type: "skipped", kind: "test", sourceType: "journey", sourceId: e.journeyId, stepId: node.id, skip: enrollmentId }));
    if (node.type === "wait_event") await publishEvents(eventReceived.create({ workspaceId, profileId: e.profileId, definitionId: NIL, name: "skip", eventId: crypto.randomUUID(), properties: {}, timestamp: now, skip: enrollmentId }));
  }
  const db = await getDb();
  await recordAudit(db, { workspaceId, actor, action: "journey.test-skip", entityType: "journey", entityId: e.journeyId, diff: { node: { from: null, to: node.id } } });
  return { skipped: node.id };
}
