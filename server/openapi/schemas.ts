import { z } from "zod";
import { ZTriggerBody, ZTriggerResponse } from "@/server/api-campaigns/trigger-schema";
import { ZSubscriptionChanges } from "@/server/consents/profile-subscriptions";
import { ZProfileRefs } from "@/server/audiences/change-members";
import { CALL_SCHEMAS } from "@/server/ingestion/schemas";

// The zod schemas of the public API, as the routes use them, converted to JSON Schema for
// the OpenAPI document. Response shapes the routes build by hand are described here once.

export const ZError = z.object({ error: z.object({ code: z.string(), message: z.string(), path: z.string().optional() }) });
export const ZListMembersBody = z.object({ profiles: ZProfileRefs });
export const ZMessageStatus = z.object({
  id: z.uuid(),
  status: z.string(),
  kind: z.string(),
  recipient: z.string().nullable(),
  profileId: z.uuid().nullable(),
  source: z.object({ type: z.string(), id: z.string().nullable() }),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  history: z.array(z.object({ type: z.string(), at: z.string(), data: z.record(z.string(), z.unknown()).optional() })),
});
export const ZBatchBody = z.object({ batch: z.array(z.record(z.string(), z.unknown())).max(2500), context: z.record(z.string(), z.unknown()).optional() });

export const API_SCHEMAS = {
  Error: ZError,
  Identify: CALL_SCHEMAS.identify,
  Track: CALL_SCHEMAS.track,
  Page: CALL_SCHEMAS.page,
  Screen: CALL_SCHEMAS.screen,
  Group: CALL_SCHEMAS.group,
  Alias: CALL_SCHEMAS.alias,
  Batch: ZBatchBody,
  TriggerBody: ZTriggerBody,
  TriggerResponse: ZTriggerResponse,
  ListMembersBody: ZListMembersBody,
  MessageStatus: ZMessageStatus,
  SubscriptionChanges: ZSubscriptionChanges,
} as const;

/** JSON Schema of each named schema (input side: what a client sends). */
export function componentSchemas(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(API_SCHEMAS).map(([name, schema]) => [name, z.toJSONSchema(schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" })]));
}
