import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { TAuditDiff } from "@/db/schema";
import type { TAuditEntry } from "./record-audit";

/**
 * An instance-wide change (an operator's): one entry in every workspace's audit log, since
 * each of them is affected. In the caller's transaction, like recordAudit.
 */
export async function recordInstanceAudit(tx: DbOrTx, entry: Omit<TAuditEntry, "workspaceId">): Promise<void> {
  const diff: TAuditDiff = entry.diff ?? {};
  await tx.execute(sql`
    insert into audit_log (workspace_id, actor_user_id, actor_label, action, entity_type, entity_id, diff)
    select id, ${entry.actor.userId}, ${entry.actor.label}, ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null}, ${JSON.stringify(diff)}::jsonb
    from workspaces`);
}
