import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { members, users, workspaces } from "@/db/schema";
import { cliActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { generatePassword, hashPassword } from "@/server/auth/passwords";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { slugify } from "@/server/workspaces/slug";

/**
 * The first account of an install: a user (created, or found by email) who is admin of
 * the named workspace (created when missing). Returns the password only when it set one.
 */
export async function createAdmin(input: { email: string; workspace: string; name?: string; password?: string }) {
  const db = await getDb();
  const email = input.email.trim().toLowerCase();
  let [user] = await db.select().from(users).where(eq(users.email, email));
  let password: string | null = null;
  if (!user) {
    password = input.password ?? generatePassword();
    [user] = await db
      .insert(users)
      .values({ email, name: input.name ?? email.split("@")[0], passwordHash: await hashPassword(password) })
      .returning();
  }
  if (!user) throw new Error("could not create the user");
  const slug = slugify(input.workspace);
  let [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  if (!workspace) {
    workspace = await createWorkspace({ name: input.workspace, slug }, { userId: user.id, actor: cliActor });
  } else {
    await db.transaction(async (tx) => {
      await tx
        .insert(members)
        .values({ workspaceId: workspace!.id, userId: user.id, role: "admin" })
        .onConflictDoUpdate({ target: [members.workspaceId, members.userId], set: { role: "admin" } });
      await recordAudit(tx, { workspaceId: workspace!.id, actor: cliActor, action: "member.make-admin", entityType: "member", entityId: user.id, diff: { email: { to: email }, role: { to: "admin" } } });
    });
  }
  return { user: { id: user.id, email }, workspace: { id: workspace.id, name: workspace.name, slug: workspace.slug }, password };
}
