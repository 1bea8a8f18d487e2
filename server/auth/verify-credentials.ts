import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { checkPassword, hashPassword } from "./passwords";
import { releaseAttempt, reserveAttempt, throttleKeys } from "./sign-in-throttle";

export { FAILURE_WINDOW_MS, MAX_FAILURES, MAX_FAILURES_PER_IP } from "./sign-in-throttle";

export type TCredentialCheck =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" | "rate-limited" };

/** Compared against when the email has no password, so unknown emails take as long as wrong passwords. */
let decoyHash: Promise<string> | undefined;

/**
 * Email + password check, throttled per email and per client address: the attempt is
 * counted before the password is compared, and once a limit is reached even the right
 * password is refused until the window has passed.
 */
export async function verifyCredentials(emailRaw: string, password: string, from: { ip: string | null } = { ip: null }): Promise<TCredentialCheck> {
  const email = emailRaw.trim().toLowerCase();
  const keys = throttleKeys(email, from.ip);
  if (!(await reserveAttempt(keys))) return { ok: false, reason: "rate-limited" };

  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  decoyHash ??= hashPassword(crypto.randomUUID());
  const valid = await checkPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user?.passwordHash || !valid) return { ok: false, reason: "invalid" };
  await releaseAttempt(keys);
  return { ok: true, user: { id: user.id, email, name: user.name } };
}
