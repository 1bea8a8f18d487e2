import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";
import { afterCursor, exactTime, pageOf, ZCursor } from "@/server/keyset-page";

export const ZAuditFilter = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type TAuditFilter = z.input<typeof ZAuditFilter>;

export async function listAudit(workspaceId: string, raw: TAuditFilter) {
  const filter = ZAuditFilter.parse(raw);
  const db = await getDb();
  const where: SQL[] = [eq(auditLog.workspaceId, workspaceId)];
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.entityType) where.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actorUserId) where.push(eq(auditLog.actorUserId, filter.actorUserId));
  if (filter.from) where.push(gte(auditLog.createdAt, filter.from));
  if (filter.to) where.push(lte(auditLog.createdAt, filter.to));
  const after = afterCursor(filter.cursor, auditLog.createdAt, auditLog.id);
  if (after) where.push(after);
  // Entries written in one transaction share now(): the cursor holds the time to the microsecond.
  const rows = await db
    .select({ entry: auditLog, cursorAt: exactTime(auditLog.createdAt) })
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit + 1);
  const { items, nextCursor } = pageOf(rows.map((r) => ({ ...r, id: r.entry.id })), filter.limit, (r) => r.cursorAt);
  return { entries: items.map((r) => r.entry), nextCursor };
}

/** The distinct actions and entity types seen, to fill the filter menus. */
export async function auditFacets(workspaceId: string) {
  const db = await getDb();
  const actions = await db
    .selectDistinct({ action: auditLog.action, entityType: auditLog.entityType })
    .from(auditLog)
    .where(eq(auditLog.workspaceId, workspaceId));
  return {
    actions: [...new Set(actions.map((a) => a.action))].sort(),
    entityTypes: [...new Set(actions.map((a) => a.entityType))].sort(),
  };
}
