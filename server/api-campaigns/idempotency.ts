import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import type { TSettled } from "@/server/batching/group-calls";
import { AppError } from "@/server/errors";

export type TStoredAnswer = { status: number; body: Record<string, unknown> };
/** A request under an Idempotency-Key: the route it was for and a hash of its body. */
export type TKeyed = { key: string; scope: string; requestHash: string };
type TRow = typeof apiIdempotencyKeys.$inferSelect;

export const requestHashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");

export function checkIdempotencyKey(key: string | null): void {
  if (key && key.length > 255) throw new AppError("BAD_REQUEST", "Idempotency-Key is at most 255 characters", "Idempotency-Key");
}

// Stripe-style: a repeat with the same body gets the kept answer; the same key with another
// body or on another route is refused. Keys are per workspace.
function replay(row: TRow, request: TKeyed): TSettled<TStoredAnswer> {
  if (row.scope !== request.scope || row.requestHash !== request.requestHash) return { error: new AppError("BAD_REQUEST", "This Idempotency-Key was already used for a different request", "Idempotency-Key") };
  return { value: { status: row.status, body: row.response } };
}

async function rowsOfKeys(workspaceId: string, keys: string[]): Promise<Map<string, TRow>> {
  if (keys.length === 0) return new Map();
  const db = await getDb();
  const rows = await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.workspaceId, workspaceId), inArray(apiIdempotencyKeys.key, keys)));
  return new Map(rows.map((r) => [r.key, r]));
}

/** The kept answer (or refusal) of each request whose key was used before, in one statement; absent: run it. */
export async function keptAnswers(workspaceId: string, requests: TKeyed[]): Promise<Map<string, TSettled<TStoredAnswer>>> {
  const rows = await rowsOfKeys(workspaceId, requests.map((r) => r.key));
  return new Map(requests.flatMap((r) => (rows.has(r.key) ? [[r.key, replay(rows.get(r.key)!, r)] as const] : [])));
}

/**
 * Keeps each request's answer under its key, in one statement. A key a concurrent request
 * kept first answers as that request did (its message is the one sent).
 */
export async function keepAnswers(workspaceId: string, answered: (TKeyed & { answer: TStoredAnswer })[]): Promise<Map<string, TSettled<TStoredAnswer>>> {
  const out = new Map<string, TSettled<TStoredAnswer>>();
  if (answered.length === 0) return out;
  const db = await getDb();
  const rows = answered.map((a) => ({ workspaceId, key: a.key, scope: a.scope, requestHash: a.requestHash, status: a.answer.status, response: a.answer.body }));
  const kept = new Set((await db.insert(apiIdempotencyKeys).values(rows).onConflictDoNothing().returning({ key: apiIdempotencyKeys.key })).map((r) => r.key));
  const lost = answered.filter((a) => !kept.has(a.key));
  const winners = await rowsOfKeys(workspaceId, lost.map((a) => a.key));
  for (const a of answered) out.set(a.key, kept.has(a.key) || !winners.has(a.key) ? { value: a.answer } : replay(winners.get(a.key)!, a));
  return out;
}
