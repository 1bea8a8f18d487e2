import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { subscriptionTopics } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";

export const ZTopicInput = z.object({
  name: z.string().trim().min(1, "Name the topic").max(80, "At most 80 characters"),
  channel: z.enum(["email", "sms", "push"], { error: "channel must be email, sms or push" }),
  defaultStatus: z.enum(["opt_in", "opt_out"], { error: "defaultStatus must be opt_in or opt_out" }),
  doubleOptIn: z.boolean().default(false),
});
export const ZTopicUpdate = ZTopicInput.omit({ channel: true }).partial().extend({ archived: z.boolean().optional() });

export type TTopic = typeof subscriptionTopics.$inferSelect;

/** The workspace's topics, by channel then name; archived ones last and only when asked. */
export async function listTopics(workspaceId: string, opts: { archived?: boolean } = {}): Promise<TTopic[]> {
  const db = await getDb();
  const rows = await db.select().from(subscriptionTopics).where(eq(subscriptionTopics.workspaceId, workspaceId)).orderBy(asc(subscriptionTopics.channel), asc(subscriptionTopics.name));
  return opts.archived ? rows.sort((a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt))) : rows.filter((t) => !t.archivedAt);
}

function checkDoubleOptIn(t: { channel: string; defaultStatus: string; doubleOptIn: boolean }) {
  if (t.doubleOptIn && (t.channel !== "email" || t.defaultStatus !== "opt_in")) throw new AppError("BAD_REQUEST", "Double opt-in is for opt-in email topics", "doubleOptIn");
}

export async function createTopic(workspaceId: string, raw: z.input<typeof ZTopicInput>, actor: TActor): Promise<TTopic> {
  const input = ZTopicInput.parse(raw);
  checkDoubleOptIn(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, input.name);
    const [row] = await tx.insert(subscriptionTopics).values({ workspaceId, ...input }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "topic.create", entityType: "subscription_topic", entityId: row!.id, diff: diffOf(null, input) });
    return row!;
  });
}

/** Rename, change the default or double opt-in, archive or restore. The channel never changes (consents and messages name the topic). */
export async function updateTopic(workspaceId: string, topicId: string, raw: z.input<typeof ZTopicUpdate>, actor: TActor): Promise<TTopic> {
  const input = ZTopicUpdate.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(subscriptionTopics).where(and(eq(subscriptionTopics.id, topicId), eq(subscriptionTopics.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Subscription topic");
    const { archived, ...fields } = input;
    const next = { ...before, ...fields };
    checkDoubleOptIn(next);
    if (fields.name && fields.name.toLowerCase() !== before.name.toLowerCase()) await assertNameFree(tx, workspaceId, fields.name);
    const archivedAt = archived === undefined ? before.archivedAt : archived ? (before.archivedAt ?? new Date()) : null;
    const [after] = await tx.update(subscriptionTopics).set({ ...fields, archivedAt, updatedAt: new Date() }).where(eq(subscriptionTopics.id, topicId)).returning();
    const view = (t: TTopic) => ({ name: t.name, defaultStatus: t.defaultStatus, doubleOptIn: t.doubleOptIn, archived: Boolean(t.archivedAt) });
    await recordAudit(tx, { workspaceId, actor, action: "topic.update", entityType: "subscription_topic", entityId: topicId, diff: diffOf(view(before), view(after!)) });
    return after!;
  });
}

async function assertNameFree(tx: DbOrTx, workspaceId: string, name: string) {
  const [taken] = await tx.select({ id: subscriptionTopics.id }).from(subscriptionTopics).where(and(eq(subscriptionTopics.workspaceId, workspaceId), sql`lower(${subscriptionTopics.name}) = lower(${name})`));
  if (taken) throw new AppError("CONFLICT", `A topic named "${name}" already exists`, "name");
}
