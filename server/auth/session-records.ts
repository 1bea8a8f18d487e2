import { and, eq, gt, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";

/** A session lives at most this long after sign-in, however active (Auth.js's default maxAge). */
export const SESSION_MAX_AGE_S = 30 * 86_400;

/**
 * Session cookies are JWTs (Credentials sign-in requires them), which stay valid until they
 * expire. So each sign-in also writes a row in `sessions`, its id goes into the JWT, and a
 * JWT whose row is gone (signed out) or expired no longer authenticates.
 */
export async function startSession(userId: string, now = new Date()): Promise<string> {
  const db = await getDb();
  const id = crypto.randomUUID();
  await db.insert(sessions).values({ sessionToken: id, userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) });
  return id;
}

export async function sessionIsLive(sessionId: string, userId: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: sessions.sessionToken })
    .from(sessions)
    .where(and(eq(sessions.sessionToken, sessionId), eq(sessions.userId, userId), gt(sessions.expires, now)));
  return Boolean(row);
}

export async function endSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.sessionToken, sessionId));
}

export async function pruneSessions(now = new Date()): Promise<number> {
  const db = await getDb();
  const rows = await db.delete(sessions).where(lt(sessions.expires, now)).returning({ id: sessions.sessionToken });
  return rows.length;
}
