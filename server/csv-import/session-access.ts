import { can, type TPermission } from "@/server/auth/permissions";
import type { TActor } from "@/server/audit/actor";
import { AppError } from "@/server/errors";
import { findMembership, type TMembership } from "@/server/workspaces/find-membership";

/**
 * For dashboard route handlers outside tRPC (file upload and download): the signed-in
 * user's membership in `workspaceId`, with the same rules as workspaceProcedure.
 */
export async function sessionAccess(workspaceId: string | null, permission: TPermission): Promise<TMembership & { actor: TActor }> {
  const { currentUser } = await import("@/server/auth/config");
  const user = await currentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first");
  if (!workspaceId || !/^[0-9a-f-]{36}$/i.test(workspaceId)) throw new AppError("BAD_REQUEST", "workspaceId must be a UUID", "workspaceId");
  const membership = await findMembership(user.id, { id: workspaceId });
  if (!membership) throw new AppError("NOT_FOUND", "Workspace not found");
  if (!can(membership.role, permission)) throw new AppError("FORBIDDEN", `Your role (${membership.role}) cannot do this`);
  return { ...membership, actor: { userId: user.id, label: user.email } };
}
