import { retryableError } from "@/plugins/sdk";
import { sendMessages, type TSendOutcome, type TSendShared, type TSendTarget } from "./send-messages";

export type { TSendOutcome } from "./send-messages";

export interface TSendRequest extends TSendShared, TSendTarget {}

/**
 * The sending pipeline for one message (journey steps, API triggers, test sends): idempotency,
 * recipient, policy, render, send, log. A retryable provider error is thrown after the message
 * is queued again (the caller's step retries it with the same key), as is finding the message
 * in another worker's hands.
 */
export async function sendMessage(req: TSendRequest): Promise<TSendOutcome> {
  const { profileId, idempotencyKey, context, event, to, ...shared } = req;
  const result = await sendMessages({ ...shared, targets: [{ profileId, idempotencyKey, context, event, to }] });
  if (result.retryable) throw result.retryable;
  const outcome = result.outcomes[0];
  if (!outcome) throw retryableError("This message is being sent by another worker", "in_progress");
  return outcome;
}
