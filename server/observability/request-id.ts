import { AsyncLocalStorage } from "node:async_hooks";

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const storage = new AsyncLocalStorage<string>();

/**
 * The request's id: the caller's `X-Request-Id` when it is a short token (a proxy or a
 * client tracing a call), otherwise a new UUID. Anything else in the header (spaces,
 * control characters, kilobytes) is ignored, so a log line never carries what a caller typed.
 */
export function requestIdOf(req: Request): string {
  const given = req.headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : crypto.randomUUID();
}

/** Runs `fn` with `id` as the current request id (read by the logger). */
export function withRequestId<T>(id: string, fn: () => T): T {
  return storage.run(id, fn);
}

/** The id of the request being served, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore();
}
