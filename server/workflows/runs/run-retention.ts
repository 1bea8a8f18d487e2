import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { workspaces } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";

/** Finished runs of the instance (crons) and of a workspace that never chose are kept this long. */
export const DEFAULT_RUN_RETENTION_DAYS = 30;

export const ZRunRetention = z.object({
  days: z
    .number({ error: "days must be a whole number of days" })
    .int("days must be a whole number of days")
    .min(1, "days must be at least 1")
    .max(365, "days must be at most 365"),
});

export async function runRetention(workspaceId: string) {
  const db = await getDb();
  const [row] = await db.select({ days: workspaces.runRetentionDays }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw notFound("Workspace");
  return row;
}

/** How long the workspace keeps its finished runs; the nightly prune deletes older ones. */
export async function setRunRetention(workspaceId: string, days: number, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ days: workspaces.runRetentionDays }).from(workspaces).where(eq(workspaces.id, workspaceId)).for("update");
    if (!before) throw notFound("Workspace");
    await tx.update(workspaces).set({ runRetentionDays: days }).where(eq(workspaces.id, workspaceId));
    await recordAudit(tx, { workspaceId, actor, action: "settings.run_retention", entityType: "workspace", entityId: workspaceId, diff: { runRetentionDays: { from: before.days, to: days } } });
    return { days };
  });
}
