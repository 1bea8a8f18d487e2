import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from "node:crypto";
import { z } from "zod";
import { deriveKey } from "@/server/crypto/secret-key";

// Tracking links carry signed tokens. Without the key a token cannot be made or altered, so
// nobody can forge opens, clicks or unsubscribes, or turn links into open redirects.
//
// A message has two tokens, its id and a signature: one for its unsubscribe link, one for all
// its other tracking links (open, clicks, push open), as whoever holds the message holds those
// links anyway; a shared click link still cannot unsubscribe. The two signatures are the two
// halves of one HMAC of the id (independent bits: one tells nothing of the other). A click
// adds its destination's token, the URL and a MAC of it, the same in every message that links
// there, so it is signed once per URL. One HMAC a message instead of one a link: signing was
// 17% of a campaign's CPU.
// Links sent before (one token with the action, the message and the URL) are still read.

export type TTrackingAction = "open" | "click" | "unsubscribe" | "push-open";
export type TTrackingPayload = { a: TTrackingAction; m: string; u?: string };

const ZLegacyPayload = z.object({ a: z.enum(["open", "click", "unsubscribe", "push-open"]), m: z.uuid(), u: z.string().max(4000).optional() });

// Legacy tokens have a key of their own, so no signature of the present format passes for one;
// message and link MACs cover differently prefixed inputs ("m:", "u:").
const keys = new Map<string, KeyObject>();
function keyOf(purpose: string): KeyObject {
  let key = keys.get(purpose);
  if (!key) keys.set(purpose, (key = createSecretKey(deriveKey(purpose))));
  return key;
}
const hmac = (body: string, purpose = "tracking-links") => createHmac("sha256", keyOf(purpose)).update(body).digest("base64url");
const mac = (body: string, purpose?: string) => hmac(body, purpose).slice(0, 22);
const LEGACY = "tracking-tokens";

function sameSignature(expected: string, signature: string): boolean {
  const [a, b] = [Buffer.from(expected), Buffer.from(signature)];
  return a.length === b.length && timingSafeEqual(a, b);
}

const macMatches = (body: string, signature: string, purpose?: string) => sameSignature(mac(body, purpose), signature);

/** The signatures of a message's two tokens: the HMAC's first 22 characters for its unsubscribe link, the next 21 for the others. */
function signaturesOf(id: string): { unsubscribe: string; other: string } {
  const full = hmac(`m:${id}`);
  return { unsubscribe: full.slice(0, 22), other: full.slice(22) };
}

/** A message's two tokens, `<message id, 22 base64url chars>.<signature>`: its unsubscribe link, and every other tracking link of it. */
export function messageTokens(messageId: string): { unsubscribe: string; other: string } {
  const id = Buffer.from(messageId.replace(/-/g, ""), "hex").toString("base64url");
  const signatures = signaturesOf(id);
  return { unsubscribe: `${id}.${signatures.unsubscribe}`, other: `${id}.${signatures.other}` };
}

const links = new Map<string, string>();
const MAX_LINKS = 5_000;

/** `<URL, base64url>.<MAC>`: a click's destination, signed once per URL (kept for the next messages). */
export function linkToken(url: string): string {
  let token = links.get(url);
  if (token === undefined) {
    const body = Buffer.from(url).toString("base64url");
    token = `${body}.${mac(`u:${body}`)}`;
    if (links.size >= MAX_LINKS) links.delete(links.keys().next().value!);
    links.set(url, token);
  }
  return token;
}

const uuidOf = (bytes: Buffer) => bytes.toString("hex").replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, "$1-$2-$3-$4-$5");

/**
 * The payload of a genuine token for `action` (its route): a message token, followed for a
 * click or a push open by a link token; or a link sent before in the single-token format.
 * Null for anything altered, truncated, made up, or made for another action.
 */
export function readTrackingToken(action: TTrackingAction, token: string): TTrackingPayload | null {
  const parts = token.split(".");
  if (parts.length === 2 && parts[0]!.length === 22) return readMessageToken(action, parts[0]!, parts[1]!);
  if (parts.length === 4) {
    const payload = readMessageToken(action, parts[0]!, parts[1]!);
    if (!payload || !macMatches(`u:${parts[2]}`, parts[3]!)) return null;
    const u = Buffer.from(parts[2]!, "base64url").toString("utf8");
    return u.length > 0 && u.length <= 4000 ? { ...payload, u } : null;
  }
  const legacy = verifyTrackingToken(token);
  return legacy?.a === action ? legacy : null;
}

function readMessageToken(action: TTrackingAction, id: string, signature: string): TTrackingPayload | null {
  const signatures = signaturesOf(id);
  if (!sameSignature(action === "unsubscribe" ? signatures.unsubscribe : signatures.other, signature)) return null;
  const bytes = Buffer.from(id, "base64url");
  return bytes.length === 16 ? { a: action, m: uuidOf(bytes) } : null;
}

/** A link in the format sent before (tests use it to stand for those emails). */
export function signTrackingToken(payload: TTrackingPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${mac(body, LEGACY)}`;
}

/** The payload of a genuine single-format token, or null for anything altered, truncated or made up. */
export function verifyTrackingToken(token: string): TTrackingPayload | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined || !macMatches(body, signature, LEGACY)) return null;
  try {
    const parsed = ZLegacyPayload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
