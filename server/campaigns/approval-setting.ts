import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { workspaceSettings } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";

/** On unless an admin turned it off: a workspace without a settings row needs approval. */
export async function approvalRequired(db: DbOrTx, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ on: workspaceSettings.approvalRequired }).from(workspaceSettings).where(eq(workspaceSettings.workspaceId, workspaceId));
  return row?.on ?? true;
}

export async function setApprovalRequired(workspaceId: string, required: boolean, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await approvalRequired(tx, workspaceId);
    await tx
      .insert(workspaceSettings)
      .values({ workspaceId, approvalRequired: required })
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: { approvalRequired: required, updatedAt: new Date() } });
    await recordAudit(tx, { workspaceId, actor, action: "settings.approval", entityType: "workspace", entityId: workspaceId, diff: { approvalRequired: { from: before, to: required } } });
    return { approvalRequired: required };
  });
}
