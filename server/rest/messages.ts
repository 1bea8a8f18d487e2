import { z } from "zod";
import { MESSAGE_STATUSES } from "@/db/schema";
import { getMessage, listMessages } from "@/server/messaging/list-messages";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { ZIdParams, ZJsonObject, ZNullableTimestamp, ZPageQuery, ZProfileRef, ZTimestamp, ZTimeWindow, pageOut, pageSchema } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { renderedFields, ZRenderedFields } from "./rendered-fields";

const ZSourceType = z.enum(["campaign", "journey", "transactional", "test"]);

const ZMessageSummary = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  recipient: z.string().nullable().describe("The address it went to: email, E.164 phone or push endpoint"),
  profileId: z.uuid().nullable(),
  source: z.object({ type: ZSourceType, id: z.string().nullable().describe("The campaign or journey id") }),
  title: z.string().nullable().describe("Subject, push title or the start of the text"),
  error: z.string().nullable(),
  createdAt: ZTimestamp,
});

const ZMessage = ZMessageSummary.omit({ title: true }).extend(ZRenderedFields.shape).extend({
  content: ZJsonObject.nullable().describe("The whole rendered content, as the channel sent it"),
  sentAt: ZNullableTimestamp,
  history: z.array(z.object({ type: z.string(), at: ZTimestamp, data: ZJsonObject.optional() })).describe("`sent`, `delivered`, `opened`, `clicked`, … oldest first"),
});

export const listMessagesOp = defineOperation({
  method: "GET",
  path: "/api/v1/messages",
  tag: "Messages",
  summary: "List messages",
  description: "Newest first. Filter by `profile`, `campaign`, `journey`, `status`, `kind` and creation time (`since`, `until`).",
  keys: ["secret"],
  query: ZPageQuery.extend(ZTimeWindow.shape).extend({
    profile: ZProfileRef.optional(),
    campaign: z.uuid().optional().describe("A campaign id"),
    journey: z.uuid().optional().describe("A journey id"),
    status: z.enum(MESSAGE_STATUSES).optional(),
    kind: z.string().max(40).optional(),
  }),
  responseName: "MessagePage",
  response: pageSchema(ZMessageSummary),
  errors: [400, 404],
  handler: async ({ workspace, query }) => {
    const profileId = query.profile ? await resolveProfileRef(workspace.id, query.profile) : undefined;
    const page = await listMessages(workspace.id, {
      profileId,
      sourceType: query.journey ? "journey" : undefined,
      sourceId: query.journey ?? query.campaign,
      status: query.status,
      kind: query.kind,
      since: query.since,
      until: query.until,
      cursor: query.cursor,
      limit: query.limit,
    });
    return pageOut(page.messages.map((m) => ({ ...m, source: { type: m.sourceType, id: m.sourceId } })), page.nextCursor);
  },
});

export const getMessageOp = defineOperation({
  method: "GET",
  path: "/api/v1/messages/{id}",
  tag: "Messages",
  summary: "Get a message: rendered content, recipient and history",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "Message",
  response: ZMessage,
  errors: [404],
  handler: async ({ workspace, params }) => {
    const m = await getMessage(workspace.id, uuidOr404(params.id, "Message"));
    return {
      ...m,
      source: { type: m.sourceType, id: m.sourceId },
      ...renderedFields(m.content),
      content: m.content,
      history: m.history.map((h) => ({ type: h.type, at: h.at, ...(h.data && Object.keys(h.data).length ? { data: h.data } : {}) })),
    };
  },
});
