import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { subscriptionTopics } from "@/db/schema";
import { AppError } from "@/server/errors";

/** A campaign's or journey message's topic: one of this workspace's, of the message's channel, not archived (when newly chosen). */
export async function checkTopic(db: DbOrTx, workspaceId: string, topicId: string | null | undefined, kind: string, field = "topicId", kept?: string | null): Promise<void> {
  if (!topicId) return;
  const [topic] = await db.select().from(subscriptionTopics).where(and(eq(subscriptionTopics.id, topicId), eq(subscriptionTopics.workspaceId, workspaceId)));
  if (!topic) throw new AppError("BAD_REQUEST", "This subscription topic does not exist", field);
  if (topic.channel !== kind) throw new AppError("BAD_REQUEST", `"${topic.name}" is a topic of ${topic.channel}, not ${kind}`, field);
  if (topic.archivedAt && topicId !== kept) throw new AppError("BAD_REQUEST", `"${topic.name}" is archived`, field);
}

type TGraphLike = { nodes: { id: string; type: string; data?: Record<string, unknown> | null }[] };

/** A journey's message steps: each chosen topic is this workspace's and of the step's channel (an archived one only when the step already had it). */
export async function checkGraphTopics(db: DbOrTx, workspaceId: string, before: TGraphLike, after: TGraphLike): Promise<void> {
  const had = new Map(before.nodes.map((n) => [n.id, n.data?.topicId]));
  for (const [i, node] of after.nodes.entries()) {
    const topicId = node.data?.topicId;
    if (node.type !== "message" || typeof topicId !== "string") continue;
    const kept = had.get(node.id);
    await checkTopic(db, workspaceId, topicId, String(node.data?.kind ?? ""), `graph.nodes.${i}.data.topicId`, typeof kept === "string" ? kept : null);
  }
}
