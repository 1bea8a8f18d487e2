import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { invites, members, users } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { ROLES } from "@/server/auth/permissions";
import { AppError, notFound } from "@/server/errors";
import { signInviteToken } from "./invite-token";

export const INVITE_TTL_DAYS = 7;

export const ZInvite = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  role: z.enum(ROLES),
});

/**
 * Creates an invite and returns its signed link path. Until an email channel exists the
 * admin copies the link from the UI; a new invite to the same address replaces the old one.
 */
export async function inviteMember(workspaceId: string, input: z.infer<typeof ZInvite>, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: members.id })
      .from(members)
      .innerJoin(users, eq(users.id, members.userId))
      .where(and(eq(members.workspaceId, workspaceId), eq(users.email, input.email)));
    if (already) throw new AppError("CONFLICT", `${input.email} is already a member`, "email");
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.workspaceId, workspaceId), eq(invites.email, input.email), isNull(invites.acceptedAt), isNull(invites.revokedAt)));
    const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 86_400_000);
    const [invite] = await tx.insert(invites).values({ workspaceId, ...input, invitedBy: actor.userId, expiresAt }).returning();
    if (!invite) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "member.invite",
      entityType: "invite",
      entityId: invite.id,
      diff: { email: { to: invite.email }, role: { to: invite.role } },
    });
    return { invite, path: `/invite/${signInviteToken(invite.id, expiresAt)}` };
  });
}

export async function revokeInvite(workspaceId: string, inviteId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [invite] = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.id, inviteId), eq(invites.workspaceId, workspaceId), isNull(invites.acceptedAt), isNull(invites.revokedAt)))
      .returning();
    if (!invite) throw notFound("Invite");
    await recordAudit(tx, { workspaceId, actor, action: "member.invite-revoke", entityType: "invite", entityId: inviteId, diff: { email: { from: invite.email } } });
  });
}
