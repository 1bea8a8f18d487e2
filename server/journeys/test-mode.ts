import { and, desc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { journeys, journeyVersions, profiles } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyStopped } from "@/server/workflows/events";
import { endEnrollments } from "./control-journey";
import { enroll } from "./enroll";
import { isEntry } from "./graph/nodes";
import { lockJourney } from "./manage-journeys";
import { assertRunnable, freezeVersion } from "./publish-journey";

/** Test mode on: the draft (valid) is frozen as a test version that only test profiles run. */
export async function setTestMode(workspaceId: string, journeyId: string, on: boolean, actor: TActor) {
  const db = await getDb();
  const ended = await db.transaction(async (tx) => {
    const j = await lockJourney(tx, workspaceId, journeyId);
    if (j.status === "closed") throw new AppError("CONFLICT", "A closed journey cannot be tested");
    if (on) {
      await assertRunnable(tx, j);
      await freezeVersion(tx, j, true, actor);
    }
    const n = on ? 0 : (await endEnrollments(tx, journeyId, true, "test mode ended")).length;
    await tx.update(journeys).set({ testMode: on, updatedAt: new Date() }).where(eq(journeys.id, journeyId));
    await recordAudit(tx, { workspaceId, actor, action: on ? "journey.test-on" : "journey.test-off", entityType: "journey", entityId: journeyId, diff: { testMode: { from: j.testMode, to: on } } });
    return n;
  });
  if (!on && canPublishEvents()) await publishEvents(journeyStopped.create({ journeyId, test: true }));
  return { testMode: on, ended };
}

/**
 * Sends test profiles into the draft. If the draft changed since test mode froze it, a new
 * test version is frozen first, so a test always runs what the canvas shows.
 */
export async function sendTestProfiles(workspaceId: string, journeyId: string, profileIds: string[], payload: Record<string, unknown> | undefined, actor: TActor) {
  const db = await getDb();
  const { version, reEntry } = await db.transaction(async (tx) => {
    const j = await lockJourney(tx, workspaceId, journeyId);
    if (!j.testMode) throw new AppError("CONFLICT", "Turn on test mode first");
    const [latest] = await tx.select().from(journeyVersions).where(and(eq(journeyVersions.journeyId, journeyId), eq(journeyVersions.isTest, true))).orderBy(desc(journeyVersions.createdAt)).limit(1);
    const same = latest && JSON.stringify(latest.graph) === JSON.stringify(j.graph) && JSON.stringify(latest.settings) === JSON.stringify(j.settings);
    if (!same) await assertRunnable(tx, j);
    const v = same ? latest : await freezeVersion(tx, j, true, actor);
    const found = await tx.select({ id: profiles.id, isTest: profiles.isTest }).from(profiles).where(and(eq(profiles.workspaceId, workspaceId), inArray(profiles.id, profileIds)));
    const missing = profileIds.find((id) => !found.some((p) => p.id === id));
    if (missing) throw new AppError("NOT_FOUND", "A profile was not found in this workspace", "profileIds");
    if (found.some((p) => !p.isTest)) throw new AppError("BAD_REQUEST", "Only test profiles can go through test mode: mark them as test profiles first", "profileIds");
    await recordAudit(tx, { workspaceId, actor, action: "journey.test-send", entityType: "journey", entityId: journeyId, diff: { profiles: { from: null, to: profileIds.length } } });
    return { version: v, reEntry: j.settings.reEntry };
  });
  const entry = version.graph.nodes.find((n) => isEntry(n.type));
  const eventId = crypto.randomUUID();
  const triggers = entry?.type === "entry_event" ? new Map(profileIds.map((id) => [id, { eventId, data: payload ?? {} }])) : undefined;
  const r = await enroll({ workspaceId, journeyId, versionId: version.id, profileIds, test: true, reEntry, triggers });
  return { versionId: version.id, entered: r.entered, alreadyInside: profileIds.length - r.entered };
}
