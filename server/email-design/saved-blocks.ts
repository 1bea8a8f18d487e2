import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { emailBlocks } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { compileEmail } from "@/server/messaging/compile-email";

export const BLOCK_ROLES = ["header", "footer", "block"] as const;

export const ZSavedBlockInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name is at most 80 characters"),
  role: z.enum(BLOCK_ROLES, { error: "Role must be header, footer or block" }).default("block"),
  content: z.array(z.record(z.string(), z.unknown()), { error: "Content must be a list of blocks" }).min(1, "Select at least one block to save").max(50, "At most 50 blocks"),
});

/** The workspace's saved blocks, headers first, then footers, then the rest, by name. */
export async function listSavedBlocks(workspaceId: string) {
  const db = await getDb();
  const rows = await db.select().from(emailBlocks).where(eq(emailBlocks.workspaceId, workspaceId)).orderBy(asc(emailBlocks.name));
  return rows.sort((a, b) => BLOCK_ROLES.indexOf(a.role as never) - BLOCK_ROLES.indexOf(b.role as never));
}

/** Saves editor nodes under a name; they must render on their own, as they will in any email. */
export async function createSavedBlock(workspaceId: string, raw: z.input<typeof ZSavedBlockInput>, actor: TActor) {
  const input = ZSavedBlockInput.parse(raw);
  try {
    await compileEmail({ subject: "block", document: { type: "doc", content: input.content } });
  } catch (error) {
    throw new AppError("BAD_REQUEST", error instanceof AppError ? error.message : "These blocks do not render", "content");
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [clash] = await tx.select({ id: emailBlocks.id }).from(emailBlocks).where(and(eq(emailBlocks.workspaceId, workspaceId), sql`lower(${emailBlocks.name}) = lower(${input.name})`));
    if (clash) throw new AppError("CONFLICT", `A saved block named "${input.name}" already exists`, "name");
    const [row] = await tx.insert(emailBlocks).values({ workspaceId, name: input.name, role: input.role, content: input.content, createdById: actor.userId }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "emailBlock.create", entityType: "emailBlock", entityId: row!.id, diff: { name: { to: row!.name } } });
    return row!;
  });
}

export async function deleteSavedBlock(workspaceId: string, blockId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(emailBlocks).where(and(eq(emailBlocks.id, blockId), eq(emailBlocks.workspaceId, workspaceId))).returning();
    if (!gone) throw notFound("Saved block");
    await recordAudit(tx, { workspaceId, actor, action: "emailBlock.delete", entityType: "emailBlock", entityId: blockId, diff: { name: { from: gone.name } } });
  });
}
