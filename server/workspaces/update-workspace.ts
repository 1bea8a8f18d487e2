import { and, eq, ne } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { workspaces } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { isPhoneCountry } from "@/server/profiles/phone-number";
import { ZSlug, ZWorkspaceName } from "./slug";

export const ZUpdateWorkspace = z.object({
  name: ZWorkspaceName.optional(),
  slug: ZSlug.optional(),
  defaultCountry: z.string().trim().toUpperCase().refine(isPhoneCountry, "Choose a country, e.g. US or FR").optional(),
});

/** Renames a workspace, changes its slug (the URL changes with it) or the country of its phone numbers written without a country code. */
export async function updateWorkspace(workspaceId: string, input: z.infer<typeof ZUpdateWorkspace>, actor: TActor) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!before) throw notFound("Workspace");
    if (input.slug && input.slug !== before.slug) {
      const [taken] = await tx
        .select({ id: workspaces.id })
        .from(workspaces)
        .where(and(eq(workspaces.slug, input.slug), ne(workspaces.id, workspaceId)));
      if (taken) throw new AppError("CONFLICT", `The slug "${input.slug}" is already taken`, "slug");
    }
    const [after] = await tx
      .update(workspaces)
      .set({ name: input.name ?? before.name, slug: input.slug ?? before.slug, defaultCountry: input.defaultCountry ?? before.defaultCountry })
      .where(eq(workspaces.id, workspaceId))
      .returning();
    if (!after) throw notFound("Workspace");
    const diff = diffOf({ name: before.name, slug: before.slug, defaultCountry: before.defaultCountry }, { name: after.name, slug: after.slug, defaultCountry: after.defaultCountry });
    if (Object.keys(diff).length > 0) {
      await recordAudit(tx, { workspaceId, actor, action: "workspace.update", entityType: "workspace", entityId: workspaceId, diff });
    }
    return after;
  });
}
