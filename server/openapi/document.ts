import { publicUrl } from "@/server/config/public-url";
import { componentSchemas } from "./schemas";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ content: { "application/json": { schema: ref(name) } } });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { description: ERROR_TEXT[c] ?? "Error", ...json("Error") }]));
const ERROR_TEXT: Record<number, string> = { 400: "Invalid input; `error.path` names the field", 401: "Missing, unknown or revoked key", 403: "This key kind may not call this route", 404: "Not found in this workspace", 409: "Not in a state that allows this", 413: "Body over the route's limit", 429: "Rate limited; see Retry-After" };

function ingestion(type: string, schema: string, summary: string) {
  return { post: { tags: ["Ingestion"], summary, security: [{ writeKey: [] }, { bearer: [] }], requestBody: { required: true, ...json(schema) }, responses: { "200": { description: "Stored" }, ...errors(400, 401, 403, 413, 429) } } };
}

/** The OpenAPI 3.1 document of the public API, built from the routes' zod schemas. */
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Parcours public API", version: "1", description: "Ingestion (Segment spec), API-triggered campaigns, messages, profiles and lists. Keys come from Settings -> API keys: write keys (pcw_) for ingestion, secret keys (pcs_) for everything else." },
    servers: [{ url: publicUrl() }],
    components: {
      securitySchemes: { writeKey: { type: "http", scheme: "basic", description: "The write key as the user name, empty password (what Segment libraries send)" }, bearer: { type: "http", scheme: "bearer", description: "A write or secret key" } },
      schemas: componentSchemas(),
    },
    paths: {
      "/api/v1/identify": ingestion("identify", "Identify", "Identify a user and set traits"),
      "/api/v1/track": ingestion("track", "Track", "Record an event"),
      "/api/v1/page": ingestion("page", "Page", "Record a page view"),
      "/api/v1/screen": ingestion("screen", "Screen", "Record a screen view"),
      "/api/v1/group": ingestion("group", "Group", "Associate a user with a group"),
      "/api/v1/alias": ingestion("alias", "Alias", "Merge an anonymous profile into a known one"),
      "/api/v1/batch": ingestion("batch", "Batch", "Up to 2,500 calls at once (also at /v1/batch)"),
      "/api/v1/campaigns/{id}/trigger": {
        post: {
          tags: ["Campaigns"],
          summary: "Send an API-triggered campaign to one recipient",
          description: "Unknown recipients are created. Every `context` field the content uses is required. Send an `Idempotency-Key` header to make retries safe: the same key and body get the same answer and one message.",
          security: [{ bearer: [] }],
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }, { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 255 } }],
          requestBody: { required: true, ...json("TriggerBody") },
          responses: { "202": { description: "Accepted: the message and its status", ...json("TriggerResponse") }, ...errors(400, 401, 403, 404, 409, 413) },
        },
      },
      "/api/v1/messages/{id}": {
        get: { tags: ["Messages"], summary: "A message's status and history", security: [{ bearer: [] }], parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }], responses: { "200": { description: "The message", ...json("MessageStatus") }, ...errors(401, 403, 404) } },
      },
      "/api/v1/profiles/{ref}": {
        parameters: [{ name: "ref", in: "path", required: true, description: "A profile id, or `<namespace>:<value>` such as `email:ada@example.com`", schema: { type: "string" } }],
        get: { tags: ["Profiles"], summary: "GDPR export: everything held on the profile", security: [{ bearer: [] }], responses: { "200": { description: "The profile, its identities and events" }, ...errors(400, 401, 403, 404) } },
        delete: { tags: ["Profiles"], summary: "GDPR erasure", security: [{ bearer: [] }], responses: { "200": { description: "`{ deleted }`" }, ...errors(400, 401, 403, 404) } },
      },
      "/api/v1/profiles/{ref}/subscriptions": {
        parameters: [{ name: "ref", in: "path", required: true, description: "A profile id, or `<namespace>:<value>` such as `email:ada@example.com`", schema: { type: "string" } }],
        get: { tags: ["Profiles"], summary: "The profile's consents", description: "`channels`: each channel's general marketing consent; `topics`: each subscription topic's. Each with `status` (subscribed, unsubscribed, pending: waiting for a double opt-in confirmation), `recorded` (false: the default applies), `source` (api, import, preference_page, provider_stop, admin, unsubscribe_link, double_opt_in) and `updatedAt`.", security: [{ bearer: [] }], responses: { "200": { description: "`{ channels, topics }`" }, ...errors(400, 401, 403, 404) } },
        put: { tags: ["Profiles"], summary: "Record consents (source api)", description: "Only what is named changes. Subscribing lifts an unsubscribe of the channel. An opt-in to a double opt-in topic is `pending` until the confirmation email's link is followed.", security: [{ bearer: [] }], requestBody: { required: true, ...json("SubscriptionChanges") }, responses: { "200": { description: "`{ channels, topics, pending }`" }, ...errors(400, 401, 403, 404, 413) } },
      },
      "/api/v1/lists/{id}/members": {
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }],
        post: { tags: ["Lists"], summary: "Add profiles to a static list", security: [{ bearer: [] }], requestBody: { required: true, ...json("ListMembersBody") }, responses: { "200": { description: "`{ added, requested }`" }, ...errors(400, 401, 403, 404, 413) } },
        delete: { tags: ["Lists"], summary: "Remove profiles from a static list", security: [{ bearer: [] }], requestBody: { required: true, ...json("ListMembersBody") }, responses: { "200": { description: "`{ removed, requested }`" }, ...errors(400, 401, 403, 404, 413) } },
      },
    },
  };
}
