import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaignExecutions, campaigns } from "@/db/schema";
import { messageKeyOf, type TSendShared, type TSendTarget } from "@/server/messaging/send-messages";

export type TDeferredSource = { type: "execution"; executionId: string } | { type: "trigger"; campaignId: string };
/** A deferred recipient: profile, and for an API trigger its step id (the trigger's key) and context. */
export type TDeferredTarget = { p: string; s?: string; c?: Record<string, unknown> };

/** go: send now; hold: the campaign is paused, look again later; stop: it ended, its deferred messages expire. */
export type TResolvedSource = { state: "go"; shared: TSendShared } | { state: "hold" } | { state: "stop"; reason: string };

/** What a deferred message of this source is sent with: the campaign's content and rules as they are now. */
export async function resolveDeferredSource(workspaceId: string, source: TDeferredSource): Promise<TResolvedSource> {
  const db = await getDb();
  const columns = { id: campaigns.id, status: campaigns.status, kind: campaigns.kind, configurationId: campaigns.configurationId, content: campaigns.content, version: campaigns.version, capExempt: campaigns.capExempt, topicId: campaigns.topicId };
  if (source.type === "execution") {
    const [row] = await db
      .select({ ...columns, execution: campaignExecutions.status })
      .from(campaignExecutions)
      .innerJoin(campaigns, eq(campaigns.id, campaignExecutions.campaignId))
      .where(and(eq(campaignExecutions.id, source.executionId), eq(campaignExecutions.workspaceId, workspaceId)));
    if (!row || ["stopped", "failed"].includes(row.execution) || row.status === "stopped") return { state: "stop", reason: "The campaign was stopped before the message could go" };
    if (row.execution === "paused" || row.status === "paused") return { state: "hold" };
    return { state: "go", shared: sharedOf(workspaceId, row, pipelineSource(source)) };
  }
  const [row] = await db.select(columns).from(campaigns).where(and(eq(campaigns.id, source.campaignId), eq(campaigns.workspaceId, workspaceId)));
  if (!row || !["active", "paused"].includes(row.status)) return { state: "stop", reason: "The campaign is no longer active" };
  if (row.status === "paused") return { state: "hold" };
  return { state: "go", shared: sharedOf(workspaceId, row, pipelineSource(source)) };
}

type TRow = { id: string; kind: string; configurationId: string | null; content: Record<string, unknown>; version: number; capExempt: boolean; topicId: string | null };

const sharedOf = (workspaceId: string, c: TRow, source: TSendShared["source"]): TSendShared => ({
  workspaceId,
  kind: c.kind,
  configurationId: c.configurationId,
  content: c.content,
  cacheKey: `campaign:${c.id}:${c.version}`,
  source,
  capExempt: c.capExempt,
  topicId: c.topicId,
});

/** The pipeline's target for a deferred recipient: the same key as its first send (source, step, profile). */
export const sendTargetOf = (t: TDeferredTarget): TSendTarget => ({ profileId: t.p, ...(t.s !== undefined ? { stepId: t.s } : {}), ...(t.c ? { context: t.c } : {}) });

/** The messages' source as the first send had it: an execution's step "send", or a trigger's own step per target. */
function pipelineSource(source: TDeferredSource): TSendShared["source"] {
  return source.type === "execution" ? { type: "campaign", id: source.executionId, stepId: "send" } : { type: "campaign", id: source.campaignId, stepId: null };
}

/** The idempotency key of a deferred recipient's message. */
export const deferredKeyOf = (source: TDeferredSource, t: TDeferredTarget) => messageKeyOf(pipelineSource(source), sendTargetOf(t));
