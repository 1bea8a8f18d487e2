import { z } from "zod";
import { CALL_SCHEMAS } from "@/server/ingestion/schemas";
import { jsonSchemaOf } from "./operation-paths";
import { errorResponses, jsonOf, RATE_LIMIT_HEADERS } from "./responses";

// The Segment-spec ingestion routes (server/ingestion/ingestion-route.ts), with the schemas they validate with.

export const ZBatchBody = z.object({ batch: z.array(z.record(z.string(), z.unknown())).max(2500).describe("identify, track, page, screen, group and alias calls, each with its `type`"), context: z.record(z.string(), z.unknown()).optional() });
export const ZIngested = z.object({ success: z.literal(true), accepted: z.number().int().describe("Calls stored"), duplicates: z.number().int().describe("Calls whose messageId was seen before: skipped") });

const RATE = "Limited to 1,000 requests/s per key with bursts of 2,000 (`PARCOURS_INGEST_RATE`, per app process): past it, 429 with `Retry-After`.";

function ingestion(name: string, summary: string, description: string) {
  return {
    post: {
      operationId: `ingest${name}`,
      tags: ["Ingestion"],
      summary,
      description: `${description}\n\n${RATE}`,
      security: [{ writeKey: [] }, { bearer: [] }],
      requestBody: { required: true, ...jsonOf(name) },
      responses: { "200": { description: "Stored (accepted = stored)", headers: RATE_LIMIT_HEADERS, ...jsonOf("Ingested", { success: true, accepted: 1, duplicates: 0 }) }, ...errorResponses(400, 401, 403, 413, 429) },
    },
  };
}

const ONE = "Idempotent on `messageId`. At most 32 KB.";

/** The ingestion paths and the schemas they name. */
export function ingestionPaths() {
  const schemas: Record<string, unknown> = { Ingested: jsonSchemaOf(ZIngested, "output"), Batch: jsonSchemaOf(ZBatchBody, "input") };
  const names = { identify: "Identify", track: "Track", page: "Page", screen: "Screen", group: "Group", alias: "Alias" } as const;
  for (const [type, name] of Object.entries(names)) schemas[name] = jsonSchemaOf(CALL_SCHEMAS[type as keyof typeof names], "input");
  const batch = ingestion("Batch", "Up to 2,500 calls at once", "Stored whole or not at all. At most 500 KB. The stock Segment clients post here.");
  return {
    schemas,
    paths: {
      "/api/v1/identify": ingestion("Identify", "Identify a user and set traits", `The \`email\` and \`phone\` traits are identities; \`email_opt_in\`, \`sms_opt_in\`, \`push_opt_in\` record consent. ${ONE}`),
      "/api/v1/track": ingestion("Track", "Record an event", ONE),
      "/api/v1/page": ingestion("Page", "Record a page view", ONE),
      "/api/v1/screen": ingestion("Screen", "Record a screen view", ONE),
      "/api/v1/group": ingestion("Group", "Associate a user with a group", ONE),
      "/api/v1/alias": ingestion("Alias", "Merge the profile known as `previousId` into `userId`'s", ONE),
      "/api/v1/batch": batch,
      "/v1/batch": { post: { ...batch.post, operationId: "ingestSegmentBatch", summary: "Up to 2,500 calls at once (the path Segment clients use)" } },
    },
  };
}
