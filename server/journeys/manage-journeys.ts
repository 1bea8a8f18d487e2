import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { journeys } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { DEFAULT_SETTINGS, ZJourneyGraph, ZJourneySettings, type TJourneyGraph, type TJourneySettings } from "./graph/model";
import { validateGraph } from "./graph/validate-graph";
import { assertCapExemptions } from "./check-cap-exempt";
import { checkGraphTopics } from "@/server/consents/check-topic";

export const ZJourneyMeta = z.object({
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters"),
  description: z.string().trim().max(2000, "At most 2,000 characters").nullish(),
});

export const ZDraft = z.object({
  revision: z.number().int().min(1),
  graph: ZJourneyGraph,
  settings: ZJourneySettings,
});

export async function lockJourney(tx: DbOrTx, workspaceId: string, journeyId: string) {
  const [row] = await tx.select().from(journeys).where(and(eq(journeys.id, journeyId), eq(journeys.workspaceId, workspaceId))).for("update");
  if (!row) throw notFound("Journey");
  return row;
}

async function assertNameFree(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: journeys.id })
    .from(journeys)
    .where(and(eq(journeys.workspaceId, workspaceId), sql`lower(${journeys.name}) = lower(${name})`, exceptId ? ne(journeys.id, exceptId) : undefined));
  if (clash) throw new AppError("CONFLICT", `A journey named "${name}" already exists`, "name");
}

/** A new draft journey, optionally with a starting graph (the demo seed and tests pass one). */
export async function createJourney(workspaceId: string, meta: z.input<typeof ZJourneyMeta>, actor: TActor, start?: { graph: TJourneyGraph; settings?: Partial<TJourneySettings> }) {
  const input = ZJourneyMeta.parse(meta);
  const db = await getDb();
  const graph = start ? ZJourneyGraph.parse(start.graph) : { nodes: [], edges: [] };
  const settings = ZJourneySettings.parse({ ...DEFAULT_SETTINGS, ...start?.settings });
  return db.transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, input.name);
    const [row] = await tx.insert(journeys).values({ workspaceId, name: input.name, description: input.description ?? null, graph, settings, createdById: actor.userId }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "journey.create", entityType: "journey", entityId: row!.id, diff: diffOf(null, { name: row!.name }) });
    return row!;
  });
}

export async function updateJourneyMeta(workspaceId: string, journeyId: string, meta: z.input<typeof ZJourneyMeta>, actor: TActor) {
  const input = ZJourneyMeta.parse(meta);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockJourney(tx, workspaceId, journeyId);
    await assertNameFree(tx, workspaceId, input.name, journeyId);
    const [after] = await tx.update(journeys).set({ name: input.name, description: input.description === undefined ? before.description : input.description, updatedAt: new Date() }).where(eq(journeys.id, journeyId)).returning();
    await recordAudit(tx, { workspaceId, actor, action: "journey.update", entityType: "journey", entityId: journeyId, diff: diffOf({ name: before.name, description: before.description }, { name: after!.name, description: after!.description }) });
    return after!;
  });
}

/**
 * Autosave of the canvas. The caller sends the revision it edited; a stale one (another tab
 * saved since) is refused so nothing is overwritten silently. Any edit takes the draft out of
 * review (an approval covers exactly what was approved). Only an admin (`mayExempt`) changes
 * which message steps are exempt from frequency caps.
 */
export async function saveDraft(workspaceId: string, journeyId: string, raw: z.input<typeof ZDraft>, actor: TActor, access: { mayExempt: boolean } = { mayExempt: false }) {
  const input = ZDraft.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockJourney(tx, workspaceId, journeyId);
    if (before.status === "closed") throw new AppError("CONFLICT", "A closed journey cannot be edited; duplicate it instead");
    if (input.revision !== before.revision) throw new AppError("CONFLICT", "This journey was changed elsewhere: reload to get the latest version", "revision");
    assertCapExemptions(before.graph, input.graph, access.mayExempt);
    await checkGraphTopics(tx, workspaceId, before.graph, input.graph);
    const [after] = await tx
      .update(journeys)
      .set({ graph: input.graph, settings: input.settings, revision: before.revision + 1, draftChanged: true, review: "none", reviewComment: before.review === "rejected" ? before.reviewComment : null, updatedAt: new Date() })
      .where(eq(journeys.id, journeyId))
      .returning();
    const diff = { revision: { from: before.revision, to: after!.revision }, ...(before.review !== "none" ? { review: { from: before.review, to: "none" } } : {}) };
    await recordAudit(tx, { workspaceId, actor, action: "journey.edit", entityType: "journey", entityId: journeyId, diff });
    return { revision: after!.revision, errors: validateGraph(input.graph) };
  });
}

/** Only a journey nobody has gone through can be deleted; otherwise close it. */
export async function deleteJourney(workspaceId: string, journeyId: string, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockJourney(tx, workspaceId, journeyId);
    if (before.liveVersionId) throw new AppError("CONFLICT", "This journey has been published: stop or close it instead of deleting it");
    await tx.delete(journeys).where(eq(journeys.id, journeyId));
    await recordAudit(tx, { workspaceId, actor, action: "journey.delete", entityType: "journey", entityId: journeyId, diff: diffOf({ name: before.name }, null) });
    return { ok: true };
  });
}
