import { z } from "zod";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { addSuppression, listSuppressions, removeSuppression, ZSuppression } from "@/server/messaging/manage-suppressions";
import { ZTimestamp } from "./common-schemas";
import { defineOperation } from "./operation";
import { actorOf } from "./profile-export";
import { suppressionCursor, ZSuppressionCursor } from "./suppression-cursor";

const ZEntry = z.object({
  channel: z.string(),
  address: z.string().describe("Emails lowercased, phone numbers in E.164"),
  reason: z.enum(["unsubscribed", "bounced", "complained", "manual"]),
  note: z.string().nullable(),
  createdAt: ZTimestamp,
});

export const listSuppressionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/suppressions",
  tag: "Suppressions",
  summary: "List suppressed addresses",
  description: "Newest first. Nothing is sent to a suppressed address on its channel, transactional messages included. `search` finds part of an address (a phone number in any form finds its E.164 entry).",
  keys: ["secret"],
  query: z.object({
    limit: z.coerce.number().int().min(1).max(100).default(25).describe("Items per page, at most 100"),
    cursor: ZSuppressionCursor.optional(),
    channel: z.string().max(40).optional(),
    search: z.string().trim().max(200).optional(),
  }),
  responseName: "SuppressionPage",
  response: z.object({ data: z.array(ZEntry), nextCursor: z.string().nullable() }),
  errors: [400],
  handler: async ({ workspace, query }) => {
    const rows = await listSuppressions(workspace.id, query.search || undefined, { after: query.cursor, limit: query.limit + 1, channel: query.channel });
    const data = rows.slice(0, query.limit);
    return { data, nextCursor: rows.length > query.limit ? suppressionCursor(data.at(-1)!) : null };
  },
});

export const addSuppressionOp = defineOperation({
  method: "POST",
  path: "/api/v1/suppressions",
  tag: "Suppressions",
  summary: "Suppress an address",
  description: "A manual suppression: the address gets nothing more on that channel until it is removed. Adding one twice is a no-op.",
  keys: ["secret"],
  body: ZSuppression,
  bodyLimit: BODY_LIMITS.restCall,
  bodyName: "SuppressionBody",
  responseName: "SuppressionAdded",
  response: z.object({ channel: z.string(), address: z.string() }),
  status: 201,
  errors: [400, 413],
  handler: async ({ workspace, key, body }) => addSuppression(workspace.id, body, actorOf(key)),
});

export const removeSuppressionOp = defineOperation({
  method: "DELETE",
  path: "/api/v1/suppressions",
  tag: "Suppressions",
  summary: "Lift a suppression",
  description: "Removes the entry as listed or as the address normalizes. Removing an unsubscribe resubscribes whoever has that address.",
  keys: ["secret"],
  query: z.object({ channel: z.string().min(1).max(40), address: z.string().trim().min(3).max(320) }),
  responseName: "SuppressionRemoved",
  response: z.object({ removed: z.object({ channel: z.string(), address: z.string() }) }),
  errors: [400, 404],
  handler: async ({ workspace, key, query }) => {
    await removeSuppression(workspace.id, query.channel, query.address, actorOf(key));
    return { removed: { channel: query.channel, address: query.address } };
  },
});
