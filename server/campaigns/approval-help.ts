import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members } from "@/db/schema";
import { ROLES, can } from "@/server/auth/permissions";

const REVIEWERS = ROLES.filter((r) => can(r, "campaigns.approve"));

/**
 * How many members other than `userId` may approve: with none, a campaign that needs approval
 * can never go live, and the page says so (invite an approver, or turn approval off).
 */
export async function otherApprovers(db: DbOrTx, workspaceId: string, userId: string | null | undefined): Promise<number> {
  const where = [eq(members.workspaceId, workspaceId), inArray(members.role, REVIEWERS)];
  if (userId) where.push(ne(members.userId, userId));
  const [row] = await db.select({ n: count() }).from(members).where(and(...where));
  return row?.n ?? 0;
}
