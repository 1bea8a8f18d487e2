import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { templates } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { validateContent, ZTemplateKind } from "./validate-content";

export const ZTemplateInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(120, "Name is at most 120 characters"),
  content: z.record(z.string(), z.unknown(), { error: "Content must be an object" }),
});
export const ZNewTemplate = ZTemplateInput.extend({ kind: ZTemplateKind });
export type TTemplateInput = z.input<typeof ZTemplateInput>;

async function assertNameFree(tx: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: templates.id })
    .from(templates)
    .where(and(eq(templates.workspaceId, workspaceId), sql`lower(${templates.name}) = lower(${name})`, exceptId ? ne(templates.id, exceptId) : undefined));
  if (clash) throw new AppError("CONFLICT", `A template named "${name}" already exists`, "name");
}

export async function createTemplate(workspaceId: string, raw: z.input<typeof ZNewTemplate>, actor: TActor) {
  const input = ZNewTemplate.parse(raw);
  const content = await validateContent(input.kind, input.content);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, input.name);
    const [row] = await tx.insert(templates).values({ workspaceId, kind: input.kind, name: input.name, content, createdById: actor.userId }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "template.create", entityType: "template", entityId: row!.id, diff: diffOf(null, { name: row!.name, kind: row!.kind }) });
    return row!;
  });
}

/** Every save is a new version, so sends already compiled from the old one keep their cache key. */
export async function updateTemplate(workspaceId: string, templateId: string, raw: TTemplateInput, actor: TActor) {
  const input = ZTemplateInput.parse(raw);
  const db = await getDb();
  const [current] = await db.select({ kind: templates.kind }).from(templates).where(and(eq(templates.id, templateId), eq(templates.workspaceId, workspaceId)));
  if (!current) throw notFound("Template");
  const content = await validateContent(ZTemplateKind.parse(current.kind), input.content);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(templates).where(and(eq(templates.id, templateId), eq(templates.workspaceId, workspaceId))).for("update");
    if (!before) throw notFound("Template");
    await assertNameFree(tx, workspaceId, input.name, templateId);
    const [after] = await tx
      .update(templates)
      .set({ name: input.name, content, version: before.version + 1, updatedAt: new Date() })
      .where(eq(templates.id, templateId))
      .returning();
    await recordAudit(tx, { workspaceId, actor, action: "template.update", entityType: "template", entityId: templateId, diff: diffOf({ name: before.name, version: before.version }, { name: after!.name, version: after!.version }) });
    return after!;
  });
}

export async function deleteTemplate(workspaceId: string, templateId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(templates).where(and(eq(templates.id, templateId), eq(templates.workspaceId, workspaceId))).returning();
    if (!gone) throw notFound("Template");
    await recordAudit(tx, { workspaceId, actor, action: "template.delete", entityType: "template", entityId: templateId, diff: { name: { from: gone.name } } });
  });
}
