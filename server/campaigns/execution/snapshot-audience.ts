import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, campaignExecutions, campaigns } from "@/db/schema";
import { audienceCondition } from "@/server/audiences/count-audience";
import { loadIndexedColumns } from "@/server/audiences/indexed-attributes/indexed-columns";
import { resolveAudienceRefs } from "@/server/audiences/resolve-refs";
import { ZRuleGroup } from "@/server/audiences/rules";
import type { TExecutionWave } from "@/db/schema";
import { snapshotByZone } from "./snapshot-by-zone";
import { enqueueWebhookEvents } from "@/server/webhooks/enqueue";

/** `waves`: a local-time execution's groups of recipients, each sent at its instant (none: everyone at once). */
export type TSnapshot = { status: string; targeted: number; waves?: TExecutionWave[] };

/**
 * Freezes who an execution targets: the audience's members at this moment, numbered by
 * profile id, in one INSERT … SELECT. Run twice (a retried step), it returns the first result.
 */
export async function snapshotAudience(executionId: string, now = new Date()): Promise<TSnapshot> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [execution] = await tx.select().from(campaignExecutions).where(eq(campaignExecutions.id, executionId)).for("update");
    if (!execution) return { status: "stopped", targeted: 0 };
    if (execution.status !== "scheduled") return { status: execution.status, targeted: execution.targeted, ...(execution.waves ? { waves: execution.waves } : {}) };
    const [row] = await tx
      .select({ audienceId: audiences.id, kind: audiences.kind, rules: audiences.rules, schedule: campaigns.schedule })
      .from(campaigns)
      .innerJoin(audiences, eq(audiences.id, campaigns.audienceId))
      .where(and(eq(campaigns.id, execution.campaignId), eq(campaigns.workspaceId, execution.workspaceId)));
    if (!row) {
      await tx.update(campaignExecutions).set({ status: "failed", error: "The audience no longer exists", finishedAt: now }).where(eq(campaignExecutions.id, executionId));
      return { status: "failed", targeted: 0 };
    }
    const ws = execution.workspaceId;
    const local = row.schedule?.type === "local" ? row.schedule : null;
    let waves: TExecutionWave[] | undefined;
    if (row.kind === "rules" && row.rules) {
      const group = ZRuleGroup.parse(row.rules);
      const where = audienceCondition(ws, group, now, await resolveAudienceRefs(tx, ws, group), await loadIndexedColumns(tx));
      if (local) waves = await snapshotByZone(tx, executionId, ws, sql`from profiles p where ${where}`, local, execution.occurrenceAt);
      else await tx.execute(sql`insert into campaign_recipients (execution_id, position, profile_id)
        select ${executionId}, row_number() over (order by p.id), p.id from profiles p where ${where}`);
    } else if (local) {
      waves = await snapshotByZone(tx, executionId, ws, sql`from audience_members m join profiles p on p.id = m.profile_id where m.audience_id = ${row.audienceId} and p.workspace_id = ${ws}`, local, execution.occurrenceAt);
    } else {
      await tx.execute(sql`insert into campaign_recipients (execution_id, position, profile_id)
        select ${executionId}, row_number() over (order by m.profile_id), m.profile_id
        from audience_members m join profiles p on p.id = m.profile_id
        where m.audience_id = ${row.audienceId} and p.workspace_id = ${ws}`);
    }
    const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(sql`campaign_recipients`).where(sql`execution_id = ${executionId}`);
    const targeted = Number(counted?.n ?? 0);
    await tx.update(campaignExecutions).set({ status: "sending", targeted, startedAt: now, ...(waves ? { waves } : {}) }).where(eq(campaignExecutions.id, executionId));
    await enqueueWebhookEvents(ws, [{ type: "campaign.started", data: { campaignId: execution.campaignId, executionId, occurrenceAt: execution.occurrenceAt, targeted }, timestamp: now }], tx);
    return { status: "sending", targeted, ...(waves ? { waves } : {}) };
  });
}
