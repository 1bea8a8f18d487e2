import { z } from "zod";

/** Every 4xx answer of the public API (server/api-keys/with-workspace.ts). */
export const ZError = z.object({
  error: z.object({
    code: z.string().describe("BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS"),
    message: z.string(),
    path: z.string().optional().describe("The field at fault, e.g. `recipients.3.recipient.email`"),
    issues: z.array(z.unknown()).optional().describe("Every validation issue, when there are several"),
  }),
});
