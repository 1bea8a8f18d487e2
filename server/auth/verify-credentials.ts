import { and, count, eq, gt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInFailures, users } from "@/db/schema";
import { checkPassword } from "./passwords";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;

export type TCredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" | "rate-limited" };

/**
 * Email + password check with throttling: after MAX_FAILURES wrong attempts on one email
 * within the window, even the right password is refused until the window has passed.
 */
export async function verifyCredentials(emailRaw: string, password: string): Promise<TCredentialCheck> {
  const email = emailRaw.trim().toLowerCase();
  const db = await getDb();
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [recent] = await db
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.email, email), gt(signInFailures.at, since)));
  if ((recent?.n ?? 0) >= MAX_FAILURES) return { ok: false, reason: "rate-limited" };

  const [user] = await db.select().from(users).where(eq(users.email, email));
  const valid = user?.passwordHash ? await checkPassword(password, user.passwordHash) : false;
  if (!user || !valid) {
    await db.insert(signInFailures).values({ email });
    return { ok: false, reason: "invalid" };
  }
  await db.delete(signInFailures).where(eq(signInFailures.email, email));
  return { ok: true, user: { id: user.id, email, name: user.name } };
}
