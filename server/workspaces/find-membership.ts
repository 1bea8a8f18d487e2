import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members, workspaces } from "@/db/schema";
import type { TRole } from "@/server/auth/permissions";

export interface TMembership {
  workspace: { id: string; name: string; slug: string; defaultCountry: string };
  role: TRole;
}

/** A user's membership in a workspace, by id or slug; null when they are not a member. */
export async function findMembership(userId: string, where: { id: string } | { slug: string }): Promise<TMembership | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, defaultCountry: workspaces.defaultCountry, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(and(eq(members.userId, userId), "id" in where ? eq(workspaces.id, where.id) : eq(workspaces.slug, where.slug)));
  if (!row) return null;
  return { workspace: { id: row.id, name: row.name, slug: row.slug, defaultCountry: row.defaultCountry }, role: row.role };
}
