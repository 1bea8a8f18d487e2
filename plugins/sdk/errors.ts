/**
 * How a send failed. The pipeline retries a retryable error (with backoff, within the
 * step's attempts) and records a permanent one at once (e.g. an invalid address).
 */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly code?: string,
  ) {
    super(message);
    this.name = "ChannelError";
  }
}

export const retryableError = (message: string, code?: string) => new ChannelError(message, true, code);
export const permanentError = (message: string, code?: string) => new ChannelError(message, false, code);

/** The usual reading of a provider's HTTP status: 408, 429 and 5xx may pass later; other 4xx will not. */
export function errorFromHttpStatus(status: number, message: string): ChannelError {
  const retryable = status === 408 || status === 429 || status >= 500;
  return new ChannelError(`${message} (HTTP ${status})`, retryable, `http_${status}`);
}

/** Network failures (refused, reset, timed out) are retryable; anything else unknown is too, once classified. */
export function classifyError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof Error && error.name === "AbortError") return retryableError(`Aborted: ${message}`, "aborted");
  return retryableError(message, (error as { code?: string } | null)?.code);
}

/** A webhook whose signature or shape is wrong; answered with 401/400 and never processed. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}
