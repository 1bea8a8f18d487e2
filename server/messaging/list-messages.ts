import { and, asc, desc, eq, gte, ilike, isNotNull, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { messageEvents, messages, MESSAGE_STATUSES } from "@/db/schema";
import { notFound } from "@/server/errors";
import { containsPattern } from "@/server/ids";
import { fullContentOf } from "./content-refs";
import { afterCursor, exactTime, pageOf, ZCursor } from "@/server/keyset-page";

export const ZMessageFilter = z.object({
  kind: z.string().max(40).optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  sourceType: z.enum(["campaign", "journey", "transactional", "test"]).optional(),
  sourceId: z.string().max(100).optional(),
  profileId: z.uuid().optional(),
  /** Only what the dev inbox captured. */
  devInbox: z.boolean().optional(),
  search: z.string().trim().max(200).optional(),
  /** Created at or after / before these times. */
  since: z.date().optional(),
  until: z.date().optional(),
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});

/** The message log, newest first, filtered; content is left out of the list (see getMessage). */
export async function listMessages(workspaceId: string, raw: z.input<typeof ZMessageFilter>) {
  const f = ZMessageFilter.parse(raw);
  const where: (SQL | undefined)[] = [
    eq(messages.workspaceId, workspaceId),
    f.kind ? eq(messages.kind, f.kind) : undefined,
    f.status ? eq(messages.status, f.status) : undefined,
    f.sourceType ? eq(messages.sourceType, f.sourceType) : undefined,
    f.sourceId ? eq(messages.sourceId, f.sourceId) : undefined,
    f.profileId ? eq(messages.profileId, f.profileId) : undefined,
    // The dev inbox shows what it captured: messages held back before sending are in the log only.
    f.devInbox ? and(eq(messages.pluginId, "dev-inbox"), isNotNull(messages.sentAt)) : undefined,
    f.search ? ilike(messages.recipient, containsPattern(f.search)) : undefined,
    f.since ? gte(messages.createdAt, f.since) : undefined,
    f.until ? lt(messages.createdAt, f.until) : undefined,
    afterCursor(f.cursor, messages.createdAt, messages.id),
  ];
  const db = await getDb();
  const rows = await db
    .select({
      id: messages.id,
      kind: messages.kind,
      status: messages.status,
      recipient: messages.recipient,
      profileId: messages.profileId,
      sourceType: messages.sourceType,
      sourceId: messages.sourceId,
      pluginId: messages.pluginId,
      isTest: messages.isTest,
      error: messages.error,
      createdAt: messages.createdAt,
      title: messages.content,
      cursorAt: exactTime(messages.createdAt),
    })
    .from(messages)
    .where(and(...where))
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(f.limit + 1);
  const { items, nextCursor } = pageOf(rows, f.limit, (r) => r.cursorAt);
  return { messages: items.map(({ title, cursorAt: _c, ...m }) => ({ ...m, title: titleOf(title) })), nextCursor };
}

function titleOf(content: Record<string, unknown> | null): string | null {
  if (!content) return null;
  const value = content.subject ?? content.title ?? content.text ?? content.payload;
  return typeof value === "string" ? value.slice(0, 140) : value ? JSON.stringify(value).slice(0, 140) : null;
}

/** One message with its rendered content and status history. */
export async function getMessage(workspaceId: string, id: string) {
  const db = await getDb();
  const [message] = await db.select().from(messages).where(and(eq(messages.id, id), eq(messages.workspaceId, workspaceId)));
  if (!message) throw notFound("Message");
  const content = await fullContentOf(db, message);
  const history = await db.select({ type: messageEvents.type, data: messageEvents.data, at: messageEvents.at }).from(messageEvents).where(eq(messageEvents.messageId, id)).orderBy(asc(messageEvents.at));
  const { contentKey: _k, contentScope: _s, ...rest } = message;
  return { ...rest, content, history };
}
