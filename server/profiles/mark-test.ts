import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { profiles } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";

/** Test profiles can be sent through journeys in test mode; their messages never count in reports. */
export async function markTestProfile(workspaceId: string, profileId: string, isTest: boolean, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ isTest: profiles.isTest }).from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Profile");
    await tx.update(profiles).set({ isTest, updatedAt: new Date() }).where(eq(profiles.id, profileId));
    await recordAudit(tx, { workspaceId, actor, action: "profile.mark-test", entityType: "profile", entityId: profileId, diff: { isTest: { from: before.isTest, to: isTest } } });
    return { isTest };
  });
}
