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
  const hash = hashApiKey(key);
  const cached = recentKeys.get(hash);
  const row = cached && cached.until > Date.now() ? cached.row : await lookUp(hash);
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
    row.key.lastUsedAt = now;
  }
  return { workspace: row.workspace, key: { id: row.key.id, kind: row.key.kind, prefix: row.key.prefix } };
}

type TKeyRow = { key: typeof apiKeys.$inferSelect; workspace: TKeyContext["workspace"] };

/**
 * Keys looked up in the last few seconds, so a busy ingestion client costs no lookup per
 * request. A revocation in this process applies at once (forgetApiKey); in another process
 * of the same installation, within KEY_CACHE_MS.
 */
const KEY_CACHE_MS = 5_000;
const recentKeys = new Map<string, { row: TKeyRow; until: number }>();

async function lookUp(hash: string): Promise<TKeyRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ key: apiKeys, workspace: { id: workspaces.id, name: workspaces.name, slug: workspaces.slug } })
    .from(apiKeys)
    .innerJoin(workspaces, eq(workspaces.id, apiKeys.workspaceId))
    .where(eq(apiKeys.hash, hash));
  if (row) recentKeys.set(hash, { row, until: Date.now() + KEY_CACHE_MS });
  else recentKeys.delete(hash);
  return row;
}

/** Called when a key is revoked: the next request with it is refused. */
export function forgetApiKey(keyId: string): void {
  for (const [hash, { row }] of recentKeys) if (row.key.id === keyId) recentKeys.delete(hash);
}
