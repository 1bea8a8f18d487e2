import { describe, expect, it } from "vitest";
import { ChannelError, classifyError, errorFromHttpStatus, permanentError, retryableError, WebhookVerificationError } from "./errors";

describe("channel errors", () => {
  it("reads HTTP statuses: 408, 429 and 5xx retryable, other 4xx permanent", () => {
    for (const status of [408, 429, 500, 502, 503]) expect(errorFromHttpStatus(status, "x").retryable, String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 410, 422]) expect(errorFromHttpStatus(status, "x").retryable, String(status)).toBe(false);
    expect(errorFromHttpStatus(503, "Provider down")).toMatchObject({ message: "Provider down (HTTP 503)", code: "http_503" });
  });

  it("keeps a ChannelError as it is and treats unknown failures as retryable", () => {
    const permanent = permanentError("Invalid address", "invalid_address");
    expect(classifyError(permanent)).toBe(permanent);
    expect(classifyError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toMatchObject({ retryable: true, code: "ECONNREFUSED" });
    expect(classifyError("weird")).toMatchObject({ retryable: true, message: "weird" });
  });

  it("classifies an abort as retryable", () => {
    const aborted = classifyError(new DOMException("The operation was aborted", "AbortError"));
    expect(aborted).toMatchObject({ retryable: true, code: "aborted" });
  });

  it("are real errors with names", () => {
    expect(retryableError("x")).toBeInstanceOf(Error);
    expect(retryableError("x")).toBeInstanceOf(ChannelError);
    expect(new WebhookVerificationError("bad").name).toBe("WebhookVerificationError");
  });
});
