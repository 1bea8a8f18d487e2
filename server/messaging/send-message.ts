import { sendTogether, type TSendRequest } from "./send-together";
import type { TSendOutcome } from "./send-messages";

export type { TSendOutcome } from "./send-messages";
export type { TSendRequest } from "./send-together";

/**
 * The sending pipeline for one message (journey steps, API triggers, test sends): idempotency,
 * recipient, policy, render, send, log. A retryable provider error is thrown after the message
 * is queued again (the caller's step retries it with the same key), as is finding the message
 * in another worker's hands. Concurrent messages of one content go through one grouped send
 * (send-together.ts).
 */
export async function sendMessage(req: TSendRequest): Promise<TSendOutcome> {
  return sendTogether(req);
}
