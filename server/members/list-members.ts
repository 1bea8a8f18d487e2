import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invites, members, users } from "@/db/schema";

export async function listMembers(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ id: members.id, userId: users.id, name: users.name, email: users.email, role: members.role, joinedAt: members.createdAt })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(eq(members.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

/** Invites still waiting: neither accepted, revoked nor expired. */
export async function listPendingInvites(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ id: invites.id, email: invites.email, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(
      and(
        eq(invites.workspaceId, workspaceId),
        isNull(invites.acceptedAt),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, new Date()),
      ),
    )
    .orderBy(asc(invites.createdAt));
}
