import { and, desc, eq, ilike } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { suppressions } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";
import { containsPattern } from "@/server/ids";

export const ZSuppression = z.object({
  channel: z.string().min(1).max(40),
  address: z.string().trim().min(3, "Give an address").max(320),
  note: z.string().trim().max(300).optional(),
});

const normalize = (channel: string, address: string) => (channel === "email" ? address.toLowerCase() : address.replace(/[\s()-]/g, ""));

export async function listSuppressions(workspaceId: string, search?: string) {
  const db = await getDb();
  return db
    .select()
    .from(suppressions)
    .where(and(eq(suppressions.workspaceId, workspaceId), search ? ilike(suppressions.address, containsPattern(search)) : undefined))
    .orderBy(desc(suppressions.createdAt))
    .limit(500);
}

export async function addSuppression(workspaceId: string, raw: z.input<typeof ZSuppression>, actor: TActor) {
  const input = ZSuppression.parse(raw);
  const address = normalize(input.channel, input.address);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(suppressions).values({ workspaceId, channel: input.channel, address, reason: "manual", note: input.note ?? null }).onConflictDoNothing();
    await recordAudit(tx, { workspaceId, actor, action: "suppression.add", entityType: "suppression", entityId: `${input.channel}:${address}`, diff: { address: { from: null, to: address } } });
    return { channel: input.channel, address };
  });
}

export async function removeSuppression(workspaceId: string, channel: string, address: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(suppressions).where(and(eq(suppressions.workspaceId, workspaceId), eq(suppressions.channel, channel), eq(suppressions.address, address))).returning();
    if (!gone) throw notFound("Suppression");
    await recordAudit(tx, { workspaceId, actor, action: "suppression.remove", entityType: "suppression", entityId: `${channel}:${address}`, diff: { address: { from: address, to: null } } });
  });
}
