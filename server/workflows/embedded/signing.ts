import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/server/crypto/secret-key";

/** The header that carries a Call Request's signature, as on Inngest. */
export const SIGNATURE_HEADER = "x-inngest-signature";

/** How far a signature's time may be from now, either way: the SDK's own window. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

let cached: string | undefined;

/**
 * The signing key of the embedded executor's Call Requests, in the SDK's format
 * (`signkey-prod-<64 hex>`): derived from the master key (PARCOURS_SECRET_KEY), so every
 * process of one instance - the app, a separate worker - has it without configuration, and
 * nobody else does. Computed on first use: importing the client must not read the key.
 */
export function embeddedSigningKey(): string {
  cached ??= `signkey-prod-${deriveKey("inngest-signing-key").toString("hex")}`;
  return cached;
}

/** The bytes the SDK keys its HMAC with: the key without its `signkey-<env>-` prefix, as text (not hex-decoded). */
function keyText(signingKey: string): string {
  return signingKey.replace(/^signkey-[\w]+-/, "");
}

function hmac(body: string, signingKey: string, ts: string): string {
  return createHmac("sha256", keyText(signingKey)).update(body).update(ts).digest("hex");
}

/**
 * `t=<unix seconds>&s=<hex HMAC-SHA256(key, body + t)>`: what an Inngest server sends and
 * what the SDK checks (`signDataWithKey` in inngest/helpers/net.js). The SDK signs the
 * canonical JSON of the parsed body; a body that is already canonical gets the same
 * signature from this function. One HMAC over the body, no other work.
 */
export function signBody(body: string, signingKey: string, nowMs: number = Date.now()): string {
  const ts = String(Math.round(nowMs / 1000));
  return `t=${ts}&s=${hmac(body, signingKey, ts)}`;
}

/**
 * Whether `header` is a signature of exactly these body bytes by this key, made within
 * five minutes of now (either way), as the SDK accepts them.
 */
export function verifyBody(header: string | null | undefined, body: string, signingKey: string, nowMs: number = Date.now()): boolean {
  if (!header) return false;
  const params = new URLSearchParams(header);
  const ts = params.get("t");
  const sig = params.get("s");
  if (!ts || !sig || !/^\d{1,12}$/.test(ts) || !/^[0-9a-f]{64}$/.test(sig)) return false;
  if (Math.abs(nowMs - Number(ts) * 1000) > SIGNATURE_WINDOW_MS) return false;
  return timingSafeEqual(Buffer.from(hmac(body, signingKey, ts), "hex"), Buffer.from(sig, "hex"));
}
