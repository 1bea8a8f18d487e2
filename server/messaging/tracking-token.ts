import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import { z } from "zod";
import { deriveKey } from "@/server/crypto/secret-key";

// Tracking links carry a signed token: what happened (open, click, unsubscribe, push open),
// which message, and for a click the destination. Without the key a token cannot be made or
// altered, so nobody can forge opens, clicks or unsubscribes, or turn links into open redirects.

const ZPayload = z.object({
  a: z.enum(["open", "click", "unsubscribe", "push-open"]),
  m: z.uuid(),
  u: z.string().max(4000).optional(),
});
export type TTrackingPayload = z.infer<typeof ZPayload>;

let key: KeyObject | null = null;
const signingKey = () => (key ??= createSecretKey(deriveKey("tracking-tokens")));

function mac(body: string): string {
  return createHmac("sha256", signingKey()).update(body).digest("base64url").slice(0, 22);
}

export function signTrackingToken(payload: TTrackingPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body)}`;
}

/** The payload of a genuine token, or null for anything altered, truncated or made up. */
export function verifyTrackingToken(token: string): TTrackingPayload | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const parsed = ZPayload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
