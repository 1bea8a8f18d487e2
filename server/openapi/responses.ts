// Building blocks of the document's responses: a JSON body by component name, and the error answers.

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input; `error.path` names the field",
  401: "Missing, unknown or revoked key",
  403: "This key kind may not call this route",
  404: "Not found in this workspace",
  409: "Not in a state that allows this",
  413: "Body over the route's limit",
  429: "Rate limited: retry after `Retry-After` seconds",
};

const ERROR_EXAMPLE: Record<number, { code: string; message: string; path?: string }> = {
  400: { code: "BAD_REQUEST", message: "recipient.email: recipient.email must be an email address", path: "recipient.email" },
  401: { code: "UNAUTHORIZED", message: "Invalid API key" },
  403: { code: "FORBIDDEN", message: "A write key cannot call this endpoint; use a secret key" },
  404: { code: "NOT_FOUND", message: "Campaign not found", path: "id" },
  409: { code: "CONFLICT", message: "The campaign is paused; activate it first", path: "id" },
  413: { code: "PAYLOAD_TOO_LARGE", message: "The body is larger than the limit of 64 KB", path: "body" },
  429: { code: "TOO_MANY_REQUESTS", message: "Rate limit exceeded for this key; retry in 1 s" },
};

export const schemaRef = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const jsonOf = (name: string, example?: unknown) => ({ content: { "application/json": { schema: schemaRef(name), ...(example === undefined ? {} : { example }) } } });

/** Sent with every answer to a request whose key was accepted (IETF draft RateLimit headers; docs/api.md, "Rate limits"). */
export const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Requests this key may make per window (the workspace's setting)", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in the current window", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window ends", schema: { type: "integer" } },
};

/** The documented error answers: the `Error` shape, and for 429 its `Retry-After` and RateLimit headers. */
export function errorResponses(...codes: number[]) {
  return Object.fromEntries(
    [...new Set(codes)].sort().map((c) => [
      String(c),
      {
        description: ERROR_TEXT[c] ?? "Error",
        ...(c === 429 ? { headers: { "Retry-After": { description: "Seconds to wait before retrying", schema: { type: "integer" } }, ...RATE_LIMIT_HEADERS } } : {}),
        ...jsonOf("Error", ERROR_EXAMPLE[c] ? { error: ERROR_EXAMPLE[c] } : undefined),
      },
    ]),
  );
}
