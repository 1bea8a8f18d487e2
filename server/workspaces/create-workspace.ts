import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { members, workspaceSettings, workspaces } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { slugify, ZSlug, ZWorkspaceName } from "./slug";

export const ZCreateWorkspace = z.object({ name: ZWorkspaceName, slug: ZSlug.optional() });
export type TCreateWorkspace = z.infer<typeof ZCreateWorkspace>;

/**
 * Creates a workspace with its creator as the first admin. Approval starts off: its one member
 * could never approve their own campaign. A team turns it on (Settings > General) once it has
 * an approver; `approvalRequired: true` starts with it on.
 */
export async function createWorkspace(input: TCreateWorkspace, owner: { userId: string; actor: TActor }, options: { approvalRequired?: boolean } = {}) {
  const db = await getDb();
  const slug = input.slug ?? (await freeSlug(slugify(input.name)));
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
    if (existing) throw new AppError("CONFLICT", `The slug "${slug}" is already taken`, "slug");
    const [workspace] = await tx.insert(workspaces).values({ name: input.name, slug }).returning();
    if (!workspace) throw new Error("insert returned no row");
    await tx.insert(members).values({ workspaceId: workspace.id, userId: owner.userId, role: "admin" });
    await tx.insert(workspaceSettings).values({ workspaceId: workspace.id, approvalRequired: options.approvalRequired ?? false });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor: owner.actor,
      action: "workspace.create",
      entityType: "workspace",
      entityId: workspace.id,
      diff: { name: { to: workspace.name }, slug: { to: workspace.slug } },
    });
    return workspace;
  });
}

async function freeSlug(base: string): Promise<string> {
  const db = await getDb();
  for (let i = 0; i < 50; i++) {
    const slug = i === 0 ? base : `${base}-${i + 1}`;
    const [taken] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
    if (!taken) return slug;
  }
  return `${base}-${crypto.randomUUID().slice(0, 6)}`;
}
