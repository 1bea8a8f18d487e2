import { and, eq, max } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { journeys, journeyVersions } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { approvalRequired } from "@/server/campaigns/approval-setting";
import { AppError } from "@/server/errors";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { journeyPublished } from "@/server/workflows/events";
import { checkReferences } from "./check-references";
import { validateGraph } from "./graph/validate-graph";
import { lockJourney } from "./manage-journeys";

type TJourneyRow = typeof journeys.$inferSelect;

/** Refuses a draft that cannot run: graph errors first, then what it refers to in the workspace. */
export async function assertRunnable(tx: DbOrTx, j: TJourneyRow) {
  const errors = validateGraph(j.graph);
  if (errors.length) throw new AppError("BAD_REQUEST", `Fix ${errors.length} problem${errors.length > 1 ? "s" : ""} first: ${errors[0]!.message}`, "graph");
  await checkReferences(tx, j.workspaceId, j.graph, j.settings);
}

export async function freezeVersion(tx: DbOrTx, j: TJourneyRow, isTest: boolean, actor: TActor) {
  const [last] = await tx.select({ n: max(journeyVersions.number) }).from(journeyVersions).where(and(eq(journeyVersions.journeyId, j.id), eq(journeyVersions.isTest, false)));
  const number = isTest ? 0 : (last?.n ?? 0) + 1;
  const [v] = await tx.insert(journeyVersions).values({ journeyId: j.id, workspaceId: j.workspaceId, number, isTest, graph: j.graph, settings: j.settings, publishedById: actor.userId }).returning();
  return v!;
}

/**
 * Publishing freezes the draft as the next version and makes it live: new entries go to it,
 * profiles already inside finish on the version they entered. With approval on, only an
 * approved draft can be published.
 */
export async function publishJourney(workspaceId: string, journeyId: string, actor: TActor) {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const j = await lockJourney(tx, workspaceId, journeyId);
    if (j.status === "closed" || j.status === "stopped") throw new AppError("CONFLICT", `A ${j.status} journey cannot be published again; duplicate it instead`);
    if (j.status === "live" && !j.draftChanged) throw new AppError("CONFLICT", "Nothing to publish: the live version is the draft");
    if ((await approvalRequired(tx, workspaceId)) && j.review !== "approved") throw new AppError("CONFLICT", "This journey needs an approver's OK first: submit it for review");
    await assertRunnable(tx, j);
    const v = await freezeVersion(tx, j, false, actor);
    await tx.update(journeys).set({ status: "live", liveVersionId: v.id, draftChanged: false, review: "none", testMode: false, updatedAt: new Date() }).where(eq(journeys.id, journeyId));
    await recordAudit(tx, { workspaceId, actor, action: "journey.publish", entityType: "journey", entityId: journeyId, diff: { status: { from: j.status, to: "live" }, version: { from: null, to: v.number } } });
    return { versionId: v.id, number: v.number, wasTesting: j.testMode };
  });
  if (canPublishEvents()) await publishEvents(journeyPublished.create({ workspaceId, journeyId, versionId: result.versionId }, { id: `journey-published-${result.versionId}` }));
  return { versionId: result.versionId, number: result.number };
}
