import { createHmac, timingSafeEqual } from "node:crypto";
import { deriveKey } from "@/server/crypto/secret-key";

/**
 * An invite link carries the invite id and its expiry, signed with HMAC-SHA256. The row is
 * still checked on use (revoked, accepted), the signature just stops guessing and tampering.
 */
export function signInviteToken(inviteId: string, expiresAt: Date): string {
  const payload = Buffer.from(`${inviteId}.${Math.floor(expiresAt.getTime() / 1000)}`).toString("base64url");
  return `${payload}.${mac(payload)}`;
}

export type TInviteTokenCheck =
  | { ok: true; inviteId: string; expiresAt: Date }
  | { ok: false; reason: "malformed" | "bad-signature" | "expired" };

export function verifyInviteToken(token: string, now = new Date()): TInviteTokenCheck {
  const [payload, signature] = token.split(".");
  if (!payload || !signature) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: "bad-signature" };
  const [inviteId, expiresText] = Buffer.from(payload, "base64url").toString("utf8").split(".");
  const expiresAt = new Date(Number(expiresText) * 1000);
  if (!inviteId || Number.isNaN(expiresAt.getTime())) return { ok: false, reason: "malformed" };
  if (expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, inviteId, expiresAt };
}

function mac(payload: string): string {
  return createHmac("sha256", deriveKey("invites")).update(payload).digest("base64url");
}
