import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { notFound } from "@/server/errors";
import { generateApiKey } from "./key-format";
import { forgetApiKey } from "./authenticate-api-key";

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
  kind: z.enum(["write", "secret"]),
});

/** Returns the key itself once; only its hash and prefix are stored. */
export async function createApiKey(workspaceId: string, input: z.infer<typeof ZCreateApiKey>, actor: TActor) {
  const db = await getDb();
  const { key, prefix, hash } = generateApiKey(input.kind);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ workspaceId, kind: input.kind, name: input.name, prefix, hash, createdBy: actor.userId })
      .returning({ id: apiKeys.id, name: apiKeys.name, kind: apiKeys.kind, prefix: apiKeys.prefix, createdAt: apiKeys.createdAt });
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api-key.create",
      entityType: "api-key",
      entityId: row.id,
      diff: { name: { to: row.name }, kind: { to: row.kind }, prefix: { to: row.prefix } },
    });
    return { ...row, key };
  });
}

export async function revokeApiKey(workspaceId: string, keyId: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiKeys.id, keyId), eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
      .returning();
    if (!row) throw notFound("API key");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api-key.revoke",
      entityType: "api-key",
      entityId: keyId,
      diff: { name: { from: row.name }, prefix: { from: row.prefix } },
    });
  });
  forgetApiKey(keyId);
}

export async function listApiKeys(workspaceId: string) {
  const db = await getDb();
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      kind: apiKeys.kind,
      prefix: apiKeys.prefix,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}
