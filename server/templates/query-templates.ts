import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { templates } from "@/db/schema";
import { notFound } from "@/server/errors";
import type { TTemplateKind } from "./template-kinds";

export type TTemplateRow = typeof templates.$inferSelect;

/** The workspace's templates, by name; without their content (it can be large). */
export async function listTemplates(workspaceId: string, kind?: TTemplateKind) {
  const db = await getDb();
  return db
    .select({ id: templates.id, kind: templates.kind, name: templates.name, version: templates.version, updatedAt: templates.updatedAt })
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), kind ? eq(templates.kind, kind) : undefined))
    .orderBy(asc(templates.kind), asc(templates.name));
}

export async function getTemplate(workspaceId: string, templateId: string): Promise<TTemplateRow> {
  const db = await getDb();
  const [row] = await db.select().from(templates).where(and(eq(templates.id, templateId), eq(templates.workspaceId, workspaceId)));
  if (!row) throw notFound("Template");
  return row;
}

/** The key under which a template version's compiled email is cached. */
export const templateCacheKey = (row: Pick<TTemplateRow, "id" | "version">) => `${row.id}:${row.version}`;
