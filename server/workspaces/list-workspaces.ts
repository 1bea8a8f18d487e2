import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members, workspaces } from "@/db/schema";

/** The workspaces a user belongs to, with their role in each. */
export async function listWorkspacesOf(userId: string) {
  const db = await getDb();
  return db
    .select({ id: workspaces.id, name: workspaces.name, slug: workspaces.slug, role: members.role })
    .from(members)
    .innerJoin(workspaces, eq(workspaces.id, members.workspaceId))
    .where(eq(members.userId, userId))
    .orderBy(asc(workspaces.name));
}
