import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audienceMembers, journeyEnrollments, journeySteps, messages, profileIdentities, profiles } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { VirtualClock } from "@/server/workflows/embedded/clock";
import type { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { createAppExecutor } from "@/server/workflows/embedded/start-embedded";
import { callerFor, createTeam } from "@/test/fixtures";
import type { TJourneyEdge, TJourneyGraph, TJourneyNode, TJourneySettings } from "../graph/model";

export const node = (id: string, type: TJourneyNode["type"], data: Record<string, unknown> = {}): TJourneyNode => ({ id, type, position: { x: 0, y: 0 }, data });
export const edge = (source: string, target: string, sourceHandle = "next"): TJourneyEdge => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });
export const email = (subject: string) => ({ kind: "email", content: { subject, html: `<p>${subject} {{ profile.firstName }}</p>` } });

/** A workspace with approval off, an executor on a virtual clock, and helpers to build and watch journeys. */
export async function journeyHarness(name: string) {
  const team = await createTeam(name);
  const ws = team.workspace.id;
  const manager = callerFor(team.users.manager);
  await callerFor(team.users.admin).campaigns.setApproval({ workspaceId: ws, required: false });
  const clock = new VirtualClock(new Date());
  const executor: EmbeddedExecutor = await createAppExecutor({ clock });
  const db = await getDb();

  async function profile(externalId: string, attributes: Record<string, unknown> = {}, isTest = false) {
    const [p] = await db.insert(profiles).values({ workspaceId: ws, attributes: { firstName: externalId, ...attributes }, isTest }).returning({ id: profiles.id });
    await db.insert(profileIdentities).values([
      { workspaceId: ws, namespace: "external_id", value: externalId, profileId: p!.id },
      { workspaceId: ws, namespace: "email", value: `${externalId}@example.com`, profileId: p!.id },
    ]);
    return p!.id;
  }

  async function list(profileIds: string[]) {
    const l = await createAudience(ws, { kind: "list", name: `list-${crypto.randomUUID().slice(0, 6)}` }, cliActor);
    if (profileIds.length) await db.insert(audienceMembers).values(profileIds.map((profileId) => ({ audienceId: l.id, profileId, workspaceId: ws })));
    return l.id;
  }

  const definition = async (trackName: string, condition?: string) => (await createDefinition(ws, { name: `${trackName}-${crypto.randomUUID().slice(0, 4)}`, trackName, condition }, cliActor)).id;

  async function publish(graph: TJourneyGraph, settings: Partial<TJourneySettings> = {}) {
    const j = await manager.journeys.create({ workspaceId: ws, name: `J ${crypto.randomUUID().slice(0, 8)}` });
    const saved = await manager.journeys.saveDraft({ workspaceId: ws, journeyId: j.id, revision: j.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000, ...settings } });
    const v = await manager.journeys.publish({ workspaceId: ws, journeyId: j.id });
    return { journeyId: j.id, versionId: v.versionId, revision: saved.revision };
  }

  /** A track call from the profile (its business events start and feed journeys). */
  const track = (externalId: string, event: string, properties: Record<string, unknown> = {}) => ingestCalls(ws, [{ type: "track", userId: externalId, event, properties }]);

  async function messagesOf(journeyId: string, nodeId?: string) {
    const rows = await db.select().from(messages).where(and(eq(messages.sourceType, "journey"), eq(messages.sourceId, journeyId)));
    return rows.filter((m) => !nodeId || m.stepId === nodeId);
  }

  async function pathOf(journeyId: string, profileId: string) {
    const [e] = await db.select().from(journeyEnrollments).where(and(eq(journeyEnrollments.journeyId, journeyId), eq(journeyEnrollments.profileId, profileId)));
    if (!e) return null;
    const steps = await db.select().from(journeySteps).where(eq(journeySteps.enrollmentId, e.id)).orderBy(asc(journeySteps.id));
    return { status: e.status, at: e.currentNodeId, enrollmentId: e.id, steps: steps.map((s) => `${s.nodeId}:${s.outcome ?? "…"}`) };
  }

  return { team, ws, manager, clock, executor, db, profile, list, definition, publish, track, messagesOf, pathOf };
}
