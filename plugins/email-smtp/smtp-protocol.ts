import { createHash } from "node:crypto";
import { ChannelError, classifyError, REFUSED_ADDRESS_MESSAGE, RefusedAddressError } from "../sdk";

// The two places where SMTP itself shapes the plugin: reading its failures, and the
// Message-ID that carries the idempotency key.

// nodemailer's SMTP failures carry the server's reply code (`responseCode`) when there was a
// reply, and an error code (`code`) for the stage that failed.
const PERMANENT_CODES = new Set(["EENVELOPE", "EMESSAGE", "EAUTH"]);

/**
 * SMTP's own reading of its replies: 4xx is a transient failure (greylisting, mailbox busy,
 * rate limit), 5xx a permanent one (unknown user, refused). Without a reply (connection
 * refused, timeout, TLS), the server may be back later. A refused login is permanent:
 * retrying with the same settings cannot pass.
 */
export function classifySmtpError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  if (error instanceof RefusedAddressError || (error as Error | null)?.message === new RefusedAddressError().message) {
    return new ChannelError(`SMTP: ${REFUSED_ADDRESS_MESSAGE}`, false, "address_refused");
  }
  const { responseCode, code, response, message } = (error ?? {}) as { responseCode?: number; code?: string; response?: string; message?: string };
  const text = `SMTP: ${response ?? message ?? String(error)}`;
  if (typeof responseCode === "number" && responseCode >= 400 && responseCode < 500) return new ChannelError(text, true, `smtp_${responseCode}`);
  if (typeof responseCode === "number" && responseCode >= 500) return new ChannelError(text, false, `smtp_${responseCode}`);
  if (code && PERMANENT_CODES.has(code)) return new ChannelError(text, false, code);
  return classifyError(Object.assign(new Error(text), { code }));
}

/**
 * The Message-ID of a send: built from the idempotency key, so every retry of one message
 * carries the same id and receiving systems can drop duplicates. Characters a Message-ID may
 * not hold (":" among them) are written =XX, reversibly; a very long key becomes its SHA-256.
 */
export function messageIdFor(idempotencyKey: string, fromAddress: string): string {
  const encoded = Array.from(Buffer.from(idempotencyKey, "utf8"), (b) => (/[A-Za-z0-9_+-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
  const local = encoded.length <= 200 ? encoded : createHash("sha256").update(idempotencyKey).digest("hex");
  const domain = fromAddress.split("@")[1] || "parcours.invalid";
  return `<${local}@${domain}>`;
}

/** The idempotency key a Message-ID built by messageIdFor() carries (the hash for very long keys). */
export function idempotencyKeyOf(messageId: string | undefined): string | undefined {
  const local = messageId?.match(/^<([^@>]+)@[^>]+>$/)?.[1];
  try {
    return local === undefined ? undefined : decodeURIComponent(local.replace(/=([0-9A-F]{2})/g, "%$1"));
  } catch {
    return undefined;
  }
}
