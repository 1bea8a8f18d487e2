/**
 * Errors a domain service throws on purpose. tRPC and REST handlers turn them into a 4xx
 * with the message as written, and the field it concerns when there is one.
 */
export type TAppErrorCode = "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN" | "UNAUTHORIZED" | "TOO_MANY_REQUESTS" | "PAYLOAD_TOO_LARGE";

export class AppError extends Error {
  constructor(
    readonly code: TAppErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);

export const httpStatusOf: Record<TAppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
};
