import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { messageEvents, messages } from "@/db/schema";
import { audienceCondition } from "@/server/audiences/count-audience";
import { resolveAudienceRefs } from "@/server/audiences/resolve-refs";
import type { TRuleGroup } from "@/server/audiences/rules";
import type { TBranchCondition, TNodeData } from "../graph/nodes";
import type { TRunScope } from "./actions";

/** The message a run sent at a node (its idempotency key is enrollment + node). */
export function journeyMessageKey(enrollmentId: string, nodeId: string) {
  return `journey:${enrollmentId}:${nodeId}`;
}

/** What happened to the message a run sent at a node: the set of its event types. */
export async function messageReactions(run: TRunScope, messageNodeId: string): Promise<{ messageId: string | null; types: Set<string> }> {
  const db = await getDb();
  const [m] = await db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.workspaceId, run.workspaceId), eq(messages.idempotencyKey, journeyMessageKey(run.enrollmentId, messageNodeId))));
  if (!m) return { messageId: null, types: new Set() };
  // A machine's open or click (machine-opens.ts) is no reaction.
  const rows = await db.selectDistinct({ type: messageEvents.type }).from(messageEvents).where(and(eq(messageEvents.messageId, m.id), sql`${messageEvents.data}->>'machine' is null`));
  return { messageId: m.id, types: new Set(rows.map((r) => r.type)) };
}

/** The message events that count as `reaction`: a click implies the email was opened, even when the open pixel was blocked. */
export function reactionTypes(reaction: string): string[] {
  if (reaction === "opened") return ["opened", "clicked"];
  if (reaction === "delivered") return ["delivered", "opened", "clicked"];
  return [reaction];
}

export const hasReacted = (types: Set<string>, reaction: string): boolean => reactionTypes(reaction).some((t) => types.has(t));

async function profileMatches(run: TRunScope, group: TRuleGroup): Promise<boolean> {
  const db = await getDb();
  const refs = await resolveAudienceRefs(db, run.workspaceId, group);
  const rows = await db.execute(sql`select 1 as hit from profiles p where p.id = ${run.profileId} and ${audienceCondition(run.workspaceId, group, new Date(), refs)} limit 1`);
  return rowsOf(rows).length > 0;
}

async function branchMatches(run: TRunScope, condition: TBranchCondition): Promise<boolean> {
  switch (condition.type) {
    case "audience":
      return profileMatches(run, { kind: "group", combinator: "and", rules: [{ kind: "membership", audienceId: condition.audienceId, member: true }] });
    case "rules":
      return profileMatches(run, condition.rules);
    case "message": {
      const { types } = await messageReactions(run, condition.messageNodeId);
      const positive = condition.behaviour.replace(/^not_/, "");
      const reacted = hasReacted(types, positive);
      return condition.behaviour.startsWith("not_") ? !reacted : reacted;
    }
  }
}

/** The first branch whose condition holds when the profile gets here, else "others". */
export async function pickBranch(run: TRunScope, data: TNodeData<"condition">): Promise<{ branch: string; label: string }> {
  for (const b of data.branches) {
    if (await branchMatches(run, b.condition)) return { branch: b.id, label: b.label };
  }
  return { branch: "others", label: "All others" };
}

/** A random split that is stable per profile: the same profile always takes the same branch. */
export function pickRandomBranch(profileId: string, nodeId: string, data: TNodeData<"random">): { branch: string; label: string } {
  const bucket = createHash("sha256").update(`${profileId}:${nodeId}`).digest().readUInt32BE(0) % 100;
  let upTo = 0;
  for (const b of data.branches) {
    upTo += b.percent;
    if (bucket < upTo) return { branch: b.id, label: b.label };
  }
  const last = data.branches[data.branches.length - 1]!;
  return { branch: last.id, label: last.label };
}
