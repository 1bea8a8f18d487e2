import { publicUrl } from "@/server/config/public-url";
import { REST_OPERATIONS } from "@/server/rest";
import { ZError } from "./schemas";
import { ingestionPaths } from "./ingestion-paths";
import { jsonSchemaOf, operationPaths } from "./operation-paths";

const DESCRIPTION = `Ingestion (Segment spec), campaigns and their triggers, messages, events, profiles, audiences and lists.

Keys come from **Settings -> API keys**: write keys (\`pcw_…\`) may only ingest; secret keys (\`pcs_…\`) call everything else. Send a key as \`Authorization: Bearer <key>\`, or as the HTTP Basic user name with an empty password (what Segment libraries send).

Lists are paged: \`limit\` (1-100, 25 by default) and \`cursor\`, the \`nextCursor\` of the previous page (opaque; null on the last page).

Errors are JSON \`{ "error": { "code", "message", "path"? } }\`, \`path\` naming the field at fault. An id of another workspace is a 404.`;

/** The OpenAPI 3.1 document of the public API, built from the zod schemas the routes validate and serialize with. */
export function openApiDocument() {
  const ingestion = ingestionPaths();
  const rest = operationPaths(REST_OPERATIONS);
  return {
    openapi: "3.1.0",
    info: { title: "Parcours public API", version: "1", description: DESCRIPTION },
    servers: [{ url: publicUrl() }],
    tags: ["Ingestion", "Campaigns", "Messages", "Events", "Profiles", "Subscriptions", "Audiences", "Templates", "Journeys", "Suppressions", "Keys"].map((name) => ({ name })),
    components: {
      securitySchemes: {
        writeKey: { type: "http", scheme: "basic", description: "The write key as the user name, empty password (what Segment libraries send)" },
        bearer: { type: "http", scheme: "bearer", description: "A write or secret key" },
      },
      schemas: { Error: jsonSchemaOf(ZError, "output"), ...ingestion.schemas, ...rest.schemas },
    },
    paths: {
      ...ingestion.paths,
      ...rest.paths,
      "/api/v1/openapi.json": { get: { operationId: "getOpenApiDocument", tags: ["Keys"], summary: "This document (no key needed)", security: [], responses: { "200": { description: "The OpenAPI 3.1 document", content: { "application/json": { schema: { type: "object" } } } } } } },
    },
  };
}
