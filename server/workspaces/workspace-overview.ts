import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, audiences, auditLog, events, invites, members, messages, profiles } from "@/db/schema";
import { can, type TRole } from "@/server/auth/permissions";

/** The numbers on a workspace's home page; audit entries only for roles that may read them. */
export async function workspaceOverview(workspaceId: string, role: TRole) {
  const db = await getDb();
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  const [[memberCount], [inviteCount], [keyCount], [changeCount], [profileCount], [eventCount], [messageCount], [audienceCount]] = await Promise.all([
    db.select({ n: count() }).from(members).where(eq(members.workspaceId, workspaceId)),
    db.select({ n: count() }).from(invites).where(and(eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date()))),
    db.select({ n: count() }).from(apiKeys).where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt))),
    db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), gt(auditLog.createdAt, weekAgo))),
    db.select({ n: count() }).from(profiles).where(eq(profiles.workspaceId, workspaceId)),
    db.select({ n: count() }).from(events).where(and(eq(events.workspaceId, workspaceId), gt(events.timestamp, weekAgo))),
    db.select({ n: count() }).from(messages).where(and(eq(messages.workspaceId, workspaceId), gt(messages.createdAt, weekAgo))),
    db.select({ n: count() }).from(audiences).where(eq(audiences.workspaceId, workspaceId)),
  ]);
  const recent = can(role, "audit.read")
    ? await db.select().from(auditLog).where(eq(auditLog.workspaceId, workspaceId)).orderBy(desc(auditLog.createdAt)).limit(6)
    : null;
  return {
    members: memberCount?.n ?? 0,
    pendingInvites: inviteCount?.n ?? 0,
    activeKeys: keyCount?.n ?? 0,
    changesThisWeek: changeCount?.n ?? 0,
    profiles: profileCount?.n ?? 0,
    eventsThisWeek: eventCount?.n ?? 0,
    messagesThisWeek: messageCount?.n ?? 0,
    audiences: audienceCount?.n ?? 0,
    recent,
  };
}
