import { z } from "zod";
import { listEvents } from "@/server/events/list-events";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { ZJsonObject, ZPageQuery, ZProfileRef, ZTimestamp, ZTimeWindow, pageOut, pageSchema } from "./common-schemas";
import { defineOperation } from "./operation";

const EVENT_TYPES = ["track", "page", "screen", "identify", "group"] as const;

export const ZEvent = z.object({
  id: z.uuid(),
  profileId: z.uuid(),
  type: z.enum(EVENT_TYPES),
  name: z.string().nullable().describe("The event name (track) or page/screen name"),
  properties: ZJsonObject,
  context: ZJsonObject.nullable(),
  messageId: z.string().describe("The ingestion call's messageId"),
  timestamp: ZTimestamp,
  receivedAt: ZTimestamp,
});

export const listEventsOp = defineOperation({
  method: "GET",
  path: "/api/v1/events",
  tag: "Events",
  summary: "List events",
  description: "Events as ingested, newest first by `timestamp`. Filter by `profile`, `name`, `type` and time (`since`, `until`).",
  keys: ["secret"],
  query: ZPageQuery.extend(ZTimeWindow.shape).extend({ profile: ZProfileRef.optional(), name: z.string().max(200).optional(), type: z.enum(EVENT_TYPES).optional() }),
  responseName: "EventPage",
  response: pageSchema(ZEvent),
  errors: [400, 404],
  handler: async ({ workspace, query }) => {
    const profileId = query.profile ? await resolveProfileRef(workspace.id, query.profile) : undefined;
    const page = await listEvents(workspace.id, { ...query, profileId });
    return pageOut(page.events, page.nextCursor);
  },
});
