import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invites, members, workspaces } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { verifyInviteToken } from "./invite-token";

const INVALID = "This invite link is invalid. Ask an admin of the workspace for a new one.";
const EXPIRED = "This invite link has expired. Ask an admin of the workspace for a new one.";

/** What the invite page shows before accepting; throws a readable error for a dead link. */
export async function describeInvite(token: string) {
  const check = verifyInviteToken(token);
  if (!check.ok) throw new AppError(check.reason === "expired" ? "BAD_REQUEST" : "NOT_FOUND", check.reason === "expired" ? EXPIRED : INVALID);
  const db = await getDb();
  const [row] = await db
    .select({ invite: invites, workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug } })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(eq(invites.id, check.inviteId));
  if (!row) throw new AppError("NOT_FOUND", INVALID);
  if (row.invite.revokedAt) throw new AppError("BAD_REQUEST", "This invite was withdrawn. Ask an admin of the workspace for a new one.");
  if (row.invite.acceptedAt) throw new AppError("BAD_REQUEST", "This invite has already been used. Sign in to reach the workspace.");
  if (row.invite.expiresAt <= new Date()) throw new AppError("BAD_REQUEST", EXPIRED);
  return { id: row.invite.id, email: row.invite.email, role: row.invite.role, expiresAt: row.invite.expiresAt, workspace: row.workspace };
}

/** Makes the signed-in user a member; the invite is for one email address only. */
export async function acceptInvite(token: string, user: { id: string; email: string }) {
  const invite = await describeInvite(token);
  if (invite.email !== user.email.toLowerCase()) {
    throw new AppError("FORBIDDEN", `This invite is for ${invite.email}. Sign in with that address to accept it.`);
  }
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(invites)
      .set({ acceptedAt: new Date() })
      .where(and(eq(invites.id, invite.id)))
      .returning({ id: invites.id });
    if (!claimed) throw new AppError("NOT_FOUND", INVALID);
    const [existing] = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.workspaceId, invite.workspace.id), eq(members.userId, user.id)));
    if (!existing) await tx.insert(members).values({ workspaceId: invite.workspace.id, userId: user.id, role: invite.role });
    await recordAudit(tx, {
      workspaceId: invite.workspace.id,
      actor: { userId: user.id, label: user.email },
      action: "member.join",
      entityType: "member",
      entityId: user.id,
      diff: { email: { to: user.email }, role: { to: invite.role } },
    });
  });
  return invite.workspace;
}
