import { and, count, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type Tx } from "@/db/client";
import { members, users } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { ROLES, type TRole } from "@/server/auth/permissions";
import { AppError, notFound } from "@/server/errors";

export const ZChangeRole = z.object({ memberId: z.uuid(), role: z.enum(ROLES) });

export async function changeMemberRole(workspaceId: string, memberId: string, role: TRole, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const member = await loadMember(tx, workspaceId, memberId);
    if (member.role === role) return member;
    if (member.role === "admin") await assertAnotherAdmin(tx, workspaceId);
    await tx.update(members).set({ role }).where(eq(members.id, memberId));
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.role-change",
      entityType: "member",
      entityId: member.userId,
      diff: { role: { from: member.role, to: role }, email: { to: member.email } },
    });
    return { ...member, role };
  });
}

export async function removeMember(workspaceId: string, memberId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const member = await loadMember(tx, workspaceId, memberId);
    if (member.role === "admin") await assertAnotherAdmin(tx, workspaceId);
    await tx.delete(members).where(eq(members.id, memberId));
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.remove",
      entityType: "member",
      entityId: member.userId,
      diff: { email: { from: member.email }, role: { from: member.role } },
    });
  });
}

async function loadMember(tx: Tx, workspaceId: string, memberId: string) {
  const [member] = await tx
    .select({ id: members.id, userId: members.userId, role: members.role, email: users.email })
    .from(members)
    .innerJoin(users, eq(users.id, members.userId))
    .where(and(eq(members.id, memberId), eq(members.workspaceId, workspaceId)))
    .for("update");
  if (!member) throw notFound("Member");
  return member;
}

async function assertAnotherAdmin(tx: Tx, workspaceId: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(members)
    .where(and(eq(members.workspaceId, workspaceId), eq(members.role, "admin")));
  if ((row?.n ?? 0) <= 1) {
    throw new AppError("BAD_REQUEST", "A workspace needs at least one admin. Make someone else admin first.", "role");
  }
}
