import { createHmac, timingSafeEqual } from "node:crypto";

// X-Parcours-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>.
// A receiver recomputes v1 over the raw body and refuses a t older than a few minutes.

export const SIGNATURE_HEADER = "x-parcours-signature";

export function signatureFor(secret: string, body: string, at = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

/** What a receiver does (and our tests): true when `header` signs `body` with `secret` within `toleranceSeconds`. */
export function verifySignature(secret: string, body: string, header: string | null, toleranceSeconds = 300, now = new Date()): boolean {
  const parts = Object.fromEntries((header ?? "").split(",").map((p) => p.split("=", 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(createHmac("sha256", secret).update(`${t}.${body}`).digest("hex"));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
