import { and, desc, eq, gte, lt, lte, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditLog } from "@/db/schema";

export const ZAuditFilter = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  actorUserId: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Opaque: `<iso time>|<id>` of the last entry of the previous page. */
  cursor: z.string().max(100).regex(/^[^|]+\|[0-9a-f-]{36}$/, "Invalid cursor").optional(),
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
  if (filter.cursor) {
    const [at = "", id = ""] = filter.cursor.split("|");
    const time = new Date(at);
    where.push(or(lt(auditLog.createdAt, time), and(eq(auditLog.createdAt, time), lt(auditLog.id, id)))!);
  }
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return { entries: page, nextCursor: rows.length > filter.limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
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
