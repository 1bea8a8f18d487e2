import { and, eq, isNull, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, workspaces } from "@/db/schema";
import { AppError } from "@/server/errors";
import { hashApiKey, kindOfKey, type TApiKeyKind } from "./key-format";

export interface TKeyContext {
  workspace: { id: string; name: string; slug: string };
  key: { id: string; kind: TApiKeyKind; prefix: string };
}

// last_used_at is written at most once a minute per key, so hot ingestion does not
// turn every request into an UPDATE.
const TOUCH_EVERY_MS = 60_000;

/** Resolves an API key to its workspace; revoked, unknown or wrong-kind keys are refused. */
export async function authenticateApiKey(key: string, allowed: readonly TApiKeyKind[]): Promise<TKeyContext> {
  const kind = kindOfKey(key);
  if (!kind) throw new AppError("UNAUTHORIZED", "Invalid API key");
  const db = await getDb();
  const [row] = await db
    .select({ key: apiKeys, workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug } })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(eq(apiKeys.hash, hashApiKey(key)));
  if (!row) throw new AppError("UNAUTHORIZED", "Invalid API key");
  if (row.key.revokedAt) throw new AppError("UNAUTHORIZED", "This API key has been revoked");
  if (!allowed.includes(row.key.kind)) {
    throw new AppError("FORBIDDEN", `A ${row.key.kind} key cannot call this endpoint; use a ${allowed.join(" or ")} key`);
  }
  const now = new Date();
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(and(eq(apiKeys.id, row.key.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS)))));
  }
  return { workspace: row.workspace, key: { id: row.key.id, kind: row.key.kind, prefix: row.key.prefix } };
}
