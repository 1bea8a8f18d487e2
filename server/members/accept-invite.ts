import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { invites, members, workspaces } from "@/db/schema";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { verifyInviteToken } from "./invite-token";

const INVALID = "This invite link is invalid. Ask an admin of the workspace for a new one.";
const EXPIRED = "This invite link has expired. Ask an admin of the workspace for a new one.";
const USED = "This invite has already been used. Sign in to reach the workspace.";

function inviteIdOf(token: string): string {
  const check = verifyInviteToken(token);
  if (!check.ok) throw new AppError(check.reason === "expired" ? "BAD_REQUEST" : "NOT_FOUND", check.reason === "expired" ? EXPIRED : INVALID);
  return check.inviteId;
}

/** The invite and its workspace; `lock` holds the invite row until the transaction ends. */
async function loadInvite(db: DbOrTx, inviteId: string, lock = false) {
  const query = db
    .select({ invite: invites, workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug } })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .where(eq(invites.id, inviteId));
  const [row] = lock ? await query.for("update", { of: invites }) : await query;
  if (!row) throw new AppError("NOT_FOUND", INVALID);
  if (row.invite.revokedAt) throw new AppError("BAD_REQUEST", "This invite was withdrawn. Ask an admin of the workspace for a new one.");
  return row;
}

/** What the invite page shows before accepting; throws a readable error for a dead link. */
export async function describeInvite(token: string) {
  const { invite, workspace } = await loadInvite(await getDb(), inviteIdOf(token));
  if (invite.acceptedAt) throw new AppError("BAD_REQUEST", USED);
  if (invite.expiresAt <= new Date()) throw new AppError("BAD_REQUEST", EXPIRED);
  return { id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt, workspace };
}

/**
 * Makes the signed-in user a member; the invite is for one email address only. The invite
 * row is locked for the whole transaction, so parallel accepts (a double click, a retry)
 * run one after the other: the first joins, the next ones find it done and answer the same.
 */
export async function acceptInvite(token: string, user: { id: string; email: string }) {
  const inviteId = inviteIdOf(token);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const { invite, workspace } = await loadInvite(tx, inviteId, true);
    if (invite.email !== user.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invite is for ${invite.email}. Sign in with that address to accept it.`);
    }
    if (invite.acceptedAt) {
      const [member] = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.workspaceId, workspace.id), eq(members.userId, user.id)));
      if (member) return workspace;
      throw new AppError("BAD_REQUEST", USED);
    }
    if (invite.expiresAt <= new Date()) throw new AppError("BAD_REQUEST", EXPIRED);
    await tx.update(invites).set({ acceptedAt: new Date() }).where(eq(invites.id, invite.id));
    const [joined] = await tx
      .insert(members)
      .values({ workspaceId: workspace.id, userId: user.id, role: invite.role })
      .onConflictDoNothing()
      .returning({ id: members.id });
    // Someone who became a member another way keeps their role; there is no join to record.
    if (joined) {
      await recordAudit(tx, {
        workspaceId: workspace.id,
        actor: { userId: user.id, label: user.email },
        action: "member.join",
        entityType: "member",
        entityId: user.id,
        diff: { email: { to: user.email }, role: { to: invite.role } },
      });
    }
    return workspace;
  });
}
