import { ChannelError, classifyError, errorFromHttpStatus } from "../sdk";

// Twilio refusals carry an error code (https://www.twilio.com/docs/api/errors) besides the
// HTTP status; these name the ones that say something about the number or the account.
const PERMANENT: Record<number, string> = {
  20003: "auth_error",
  21211: "invalid_number",
  21408: "region_not_enabled",
  21610: "unsubscribed",
  21612: "unroutable",
  21614: "not_mobile",
};
const RETRYABLE: Record<number, string> = { 20429: "rate_limited", 20500: "twilio_internal", 20503: "twilio_unavailable" };

/** A ChannelError from whatever the SDK threw: a RestException ({ status, code, message }) or a network failure. */
export function twilioError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const rest = error as { status?: unknown; code?: unknown; message?: string };
  if (typeof rest?.status !== "number") return classifyError(error);
  const code = typeof rest.code === "number" ? rest.code : undefined;
  const message = `Twilio refused the message: ${rest.message ?? "no message"}${code ? ` (error ${code})` : ""}`;
  if (code && PERMANENT[code]) return new ChannelError(message, false, PERMANENT[code]);
  if (code && RETRYABLE[code]) return new ChannelError(message, true, RETRYABLE[code]);
  const byStatus = errorFromHttpStatus(rest.status, message);
  return new ChannelError(byStatus.message, byStatus.retryable, code ? `twilio_${code}` : byStatus.code);
}
