import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiIdempotencyKeys } from "@/db/schema";
import { AppError } from "@/server/errors";

export type TStoredAnswer = { status: number; body: Record<string, unknown> };

const hashOf = (body: unknown) => createHash("sha256").update(JSON.stringify(body)).digest("hex");

/**
 * Stripe-style Idempotency-Key: the first request with a key runs and its answer is kept;
 * a repeat with the same body gets the same answer without running again; the same key with
 * another body or on another route is a 422. Keys are per workspace.
 */
export async function withIdempotencyKey(workspaceId: string, key: string | null, scope: string, body: unknown, run: () => Promise<TStoredAnswer>): Promise<TStoredAnswer> {
  if (!key) return run();
  if (key.length > 255) throw new AppError("BAD_REQUEST", "Idempotency-Key is at most 255 characters", "Idempotency-Key");
  const db = await getDb();
  const requestHash = hashOf(body);
  const find = async () => (await db.select().from(apiIdempotencyKeys).where(and(eq(apiIdempotencyKeys.workspaceId, workspaceId), eq(apiIdempotencyKeys.key, key))))[0];
  const replay = (row: NonNullable<Awaited<ReturnType<typeof find>>>): TStoredAnswer => {
    if (row.scope !== scope || row.requestHash !== requestHash) throw new AppError("BAD_REQUEST", "This Idempotency-Key was already used for a different request", "Idempotency-Key");
    return { status: row.status, body: row.response };
  };
  const existing = await find();
  if (existing) return replay(existing);
  const answer = await run();
  const [stored] = await db.insert(apiIdempotencyKeys).values({ workspaceId, key, scope, requestHash, status: answer.status, response: answer.body }).onConflictDoNothing().returning();
  if (stored) return answer;
  // A concurrent request with the same key won: answer as it did (its message is the one sent).
  const winner = await find();
  return winner ? replay(winner) : answer;
}
