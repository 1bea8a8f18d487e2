import { z } from "zod";
import { CAMPAIGN_STATUSES } from "@/db/schema";
import { getCampaign, listCampaigns } from "@/server/campaigns/query-campaigns";
import { ZIdParams, ZJsonObject, ZNullableTimestamp, ZPageQuery, ZTimestamp, pageSchema } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { restPageOf } from "./page-rows";

const ZCampaignSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(["scheduled", "api"]),
  status: z.enum(CAMPAIGN_STATUSES),
  kind: z.string().describe("The channel kind: email, push, sms, …"),
  updatedAt: ZTimestamp,
});

const ZCampaign = ZCampaignSummary.extend({
  apiMode: z.enum(["marketing", "transactional"]).nullable().describe("API campaigns: transactional messages skip marketing consent, caps and quiet hours"),
  audienceId: z.uuid().nullable(),
  audienceName: z.string().nullable(),
  configurationId: z.uuid().nullable(),
  configurationName: z.string().nullable(),
  templateId: z.uuid().nullable(),
  content: ZJsonObject.describe("The message content, with Liquid merge tags as written"),
  contextFields: z.array(z.string()).describe("API campaigns: the `context` fields a trigger must give"),
  schedule: ZJsonObject.nullable(),
  createdAt: ZTimestamp,
  submittedAt: ZNullableTimestamp,
  reviewedAt: ZNullableTimestamp,
});

export const listCampaignsOp = defineOperation({
  method: "GET",
  path: "/api/v1/campaigns",
  tag: "Campaigns",
  summary: "List campaigns",
  description: "Most recently changed first. Filter by `status`, `type` (`api` for the campaigns `POST /campaigns/{id}/trigger` sends) and `kind`.",
  keys: ["secret"],
  query: ZPageQuery.extend({ status: z.enum(CAMPAIGN_STATUSES).optional(), type: z.enum(["scheduled", "api"]).optional(), kind: z.string().max(40).optional() }),
  responseName: "CampaignPage",
  response: pageSchema(ZCampaignSummary),
  errors: [400],
  handler: async ({ workspace, query }) => {
    const all = (await listCampaigns(workspace.id)).filter((c) => (!query.status || c.status === query.status) && (!query.type || c.type === query.type) && (!query.kind || c.kind === query.kind));
    return restPageOf(all, query, (c) => c.updatedAt);
  },
});

export const getCampaignOp = defineOperation({
  method: "GET",
  path: "/api/v1/campaigns/{id}",
  tag: "Campaigns",
  summary: "Get a campaign",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "Campaign",
  response: ZCampaign,
  errors: [404],
  handler: async ({ workspace, params }) => getCampaign(workspace.id, uuidOr404(params.id, "Campaign")),
});
